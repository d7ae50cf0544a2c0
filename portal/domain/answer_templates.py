"""Answer templates: texts an agency's heads keep (per category, and a set for rejections) and its officers start
an answer or a rejection's note from. Placeholders are filled by a plain substitution of four known names: a
template is the agency's text, never code, so no template engine ever reads it."""
import re

from portal.domain.audit import acting_as
from portal.domain.calendar import local_date
from portal.domain.errors import Forbidden, NotFound, ValidationFailed
from portal.domain.text import clean_text
from portal.models import Petition
from portal.models.answer_template import TEMPLATE_KINDS, AnswerTemplate
from portal.models.base import utcnow

PLACEHOLDERS = ("code", "received_date", "agency", "due_date")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
TITLE_MAX, BODY_MAX = 120, 10000


def placeholder_values(petition: Petition) -> dict[str, str]:
    return {"code": petition.code or "",
            "received_date": local_date(petition.created_at).strftime("%d/%m/%Y") if petition.created_at else "",
            "agency": petition.agency.name if petition.agency else "",
            "due_date": petition.due_date.strftime("%d/%m/%Y") if petition.due_date else ""}


def fill(body: str, petition: Petition) -> str:
    """The template's text for this petition: each known {name} replaced by its value, anything else left as is."""
    values = placeholder_values(petition)
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), body)


def templates_for(session, petition: Petition, kind: str) -> list[AnswerTemplate]:
    """What an officer may pick on this petition: its agency's templates of `kind`; for answers, those of its
    category and those for any category."""
    if petition.agency_id is None:
        return []
    query = session.query(AnswerTemplate).filter_by(agency_id=petition.agency_id, kind=kind)
    if kind == "answer":
        query = query.filter((AnswerTemplate.category_id == petition.category_id)
                             | AnswerTemplate.category_id.is_(None))
    return query.order_by(AnswerTemplate.title, AnswerTemplate.id).all()


def template_for_petition(session, petition: Petition, template_id: int) -> AnswerTemplate:
    """A template picked on an item page (?template=ID): one of the petition's agency's, else NotFound."""
    template = session.get(AnswerTemplate, template_id)
    if template is None or template.agency_id != petition.agency_id:
        raise NotFound("Không tìm thấy mẫu trả lời.", "Answer template not found.")
    return template


def agency_templates(session, agency_id: int) -> list[AnswerTemplate]:
    return (session.query(AnswerTemplate).filter_by(agency_id=agency_id)
            .order_by(AnswerTemplate.kind, AnswerTemplate.category_id, AnswerTemplate.title).all())


def managed_template(session, actor, template_id: int) -> AnswerTemplate:
    """A template the head may edit: their own agency's; another agency's answers exactly like a missing one."""
    _ensure_head(actor)
    template = session.get(AnswerTemplate, template_id)
    if template is None or template.agency_id != actor.agency_id:
        raise NotFound("Không tìm thấy mẫu trả lời.", "Answer template not found.")
    return template


def save_template(session, actor, *, kind: str, category_id: int | None, title: str, body: str,
                  template: AnswerTemplate | None = None) -> AnswerTemplate:
    """Add a template to the head's agency, or change one of its own (from managed_template); audited."""
    _ensure_head(actor)
    title, body = clean_text(title), clean_text((body or "").replace("\r\n", "\n"))
    if kind not in TEMPLATE_KINDS:
        raise ValidationFailed("Loại mẫu không hợp lệ.", "Unknown kind of template.", field="kind")
    if not 1 <= len(title) <= TITLE_MAX:
        raise ValidationFailed(f"Tên mẫu cần từ 1 đến {TITLE_MAX} ký tự.", f"The title needs 1 to {TITLE_MAX} characters.",
                               field="title")
    if not 1 <= len(body) <= BODY_MAX:
        raise ValidationFailed(f"Nội dung mẫu cần từ 1 đến {BODY_MAX} ký tự.",
                               f"The text needs 1 to {BODY_MAX} characters.", field="body")
    unknown = sorted(set(_PLACEHOLDER.findall(body)) - set(PLACEHOLDERS))
    if unknown:
        known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
        raise ValidationFailed(f"Chỗ trống không có: {', '.join(unknown)}. Dùng được: {known}.",
                               f"Unknown placeholders: {', '.join(unknown)}. Known: {known}.", field="body")
    acting_as(session, actor)
    if template is None:
        template = AnswerTemplate(agency_id=actor.agency_id)
        session.add(template)
    template.kind, template.title, template.body = kind, title, body
    template.category_id = category_id if kind == "answer" else None
    template.updated_by_id, template.updated_at = getattr(actor, "id", None), utcnow()
    return template


def delete_template(session, actor, template: AnswerTemplate) -> None:
    """Remove a template (from managed_template); the audit trail keeps its text."""
    _ensure_head(actor)
    acting_as(session, actor)
    session.delete(template)


def _ensure_head(actor) -> None:
    if getattr(actor, "role", None) != "agency_head" or not getattr(actor, "agency_id", None):
        raise Forbidden("Chỉ lãnh đạo cơ quan quản lý mẫu trả lời.", "Only an agency head manages answer templates.")

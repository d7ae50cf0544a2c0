"""What agencies do with an assigned petition: accept, answer, approve (publish), close.

Each function checks who may act, changes state through lifecycle.transition, and leaves
the commit to the caller, so the state and its event land together.
"""
from portal.domain.calendar import is_on_time
from portal.domain.errors import Forbidden, ValidationFailed
from portal.domain.lifecycle import transition
from portal.domain.text import html_to_text, sanitize_html
from portal.models import Answer, Petition
from portal.models.base import utcnow
from portal.text.redact import redact, redact_html

ANSWER_MIN = 20


def ensure_own_agency(petition: Petition, actor) -> None:
    """An agency acts only on its own items; the check every agency action starts with."""
    if actor is None or actor.role == "admin":
        return
    # Compare through the relationships: before a flush, only they know the new agency.
    petition_agency = petition.agency.id if petition.agency is not None else petition.agency_id
    if actor.role in ("agency_officer", "agency_head") and petition_agency == actor.agency_id:
        return
    raise Forbidden("Phản ánh này không thuộc cơ quan của bạn.", "This petition is not your agency's.")


def accept(session, petition: Petition, actor) -> None:
    ensure_own_agency(petition, actor)
    transition(session, petition, "in_progress", actor=actor, note=f"{_agency_name(actor, petition)} tiếp nhận xử lý.")


def submit_answer(session, petition: Petition, actor, body_html: str) -> Answer:
    """The officer's answer goes to the agency head for approval."""
    ensure_own_agency(petition, actor)
    body = sanitize_html(body_html)
    if len(html_to_text(body)) < ANSWER_MIN:
        raise ValidationFailed(f"Nội dung trả lời cần ít nhất {ANSWER_MIN} ký tự.",
                               f"The answer needs at least {ANSWER_MIN} characters.", field="content")
    if petition.status in ("assigned", "transferred"):
        accept(session, petition, actor)
    for stale in petition.answers.filter(Answer.state.in_(("draft", "submitted"))):
        stale.state = "superseded"
    answer = Answer(petition=petition, agency_id=petition.agency_id, body_html=body, state="submitted",
                    author_id=getattr(actor, "id", None), submitted_at=utcnow())
    session.add(answer)
    transition(session, petition, "answered", actor=actor, note="Đã có dự thảo trả lời, chờ lãnh đạo duyệt.")
    return answer


def approve_answer(session, petition: Petition, actor, *, public_content: str | None = None,
                   published_html: str | None = None) -> Answer:
    """The agency head approves: the answer is published, personal data redacted (or as staff edited it)."""
    ensure_own_agency(petition, actor)
    if actor is not None and actor.role not in ("agency_head", "admin"):
        raise Forbidden("Chỉ lãnh đạo cơ quan được duyệt trả lời.", "Only the agency head approves answers.")
    answer = petition.answers.filter_by(state="submitted").order_by(Answer.id.desc()).first()
    if answer is None:
        raise ValidationFailed("Chưa có dự thảo trả lời để duyệt.", "There is no answer to approve.")
    answer.state = "approved"
    answer.approver_id = getattr(actor, "id", None)
    answer.approved_at = utcnow()
    answer.published_html = sanitize_html(published_html) if published_html else redact_html(answer.body_html)
    petition.public_content = public_content if public_content is not None else redact(petition.content)
    petition.answered_on_time = petition.due_date is None or is_on_time(answer.approved_at, petition.due_date)
    transition(session, petition, "published", actor=actor, note="Lãnh đạo cơ quan đã duyệt, trả lời được công khai.")
    return answer


def send_back(session, petition: Petition, actor, reason: str) -> None:
    """The head sends the draft back to the officer."""
    ensure_own_agency(petition, actor)
    if not reason.strip():
        raise ValidationFailed("Cần nêu lý do trả lại dự thảo.", "Give a reason.", field="reason")
    for answer in petition.answers.filter_by(state="submitted"):
        answer.state = "returned"
    transition(session, petition, "in_progress", actor=actor, note=f"Lãnh đạo yêu cầu sửa dự thảo: {reason}",
               public=False)


def _agency_name(actor, petition: Petition) -> str:
    agency = getattr(actor, "agency", None) or petition.agency
    return agency.name if agency else "Cơ quan"

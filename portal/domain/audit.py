"""The audit trail of everything that is not a petition (petitions keep their own timeline of events).

A flush listener (registered by portal/domain/side_effects.py) writes one AuditEntry per created, changed or
deleted row of the audited models, with the old and new value of each changed field, in the same transaction as the
change. Who made it is declared by the domain function making it, `acting_as(session, actor)`, for the rest of that
transaction; where nobody is declared (commands, jobs) the entry says "hệ thống".
"""
import json
from datetime import date, datetime

from sqlalchemy import inspect

from portal.models import (Agency, ApiKey, CalendarDay, Category, DialogueSession, Explanation, LeaderOffice,
                           Obligation, OfficeHolder, RoutingRule, User)
from portal.models.answer_template import AnswerTemplate
from portal.models.audit import AuditEntry
from portal.models.base import utcnow

AUDITED = (Agency, Category, RoutingRule, CalendarDay, User, ApiKey, DialogueSession, Explanation, LeaderOffice,
           OfficeHolder, Obligation)
AUDITED += (AnswerTemplate,)
# Secrets are never copied into the trail: only that they changed. The session version changes at every sign-out.
HIDDEN = {"password_hash", "key_hash"}
IGNORED = {"session_version", "last_used_at"}


SYSTEM = (None, "hệ thống")


def acting_as(session, actor) -> None:
    """Declare who makes the changes of the session's current transaction: the signed-in User a page passes in, or
    None for commands and jobs. The audit entries of every flush until the commit or rollback name them."""
    if session is not None:  # a record in no session is never flushed: there is nothing to audit
        session.info["audit_actor"] = SYSTEM if actor is None else (actor.id, actor.email)


def _value(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def _changes(obj, action: str) -> dict:
    state, changes = inspect(obj), {}
    for attr in state.mapper.column_attrs:
        name = attr.key
        if name in IGNORED:
            continue
        history = state.attrs[name].history
        if action == "update" and not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else None
        new = getattr(obj, name) if action != "delete" else None
        if action == "delete":
            old = getattr(obj, name)
        if name in HIDDEN:
            old, new = ("***" if old else None), ("***" if new else None)
        if old != new or name in HIDDEN:  # a new password shows as *** → ***, but it shows
            changes[name] = [_value(old), _value(new)]
    if action == "update":
        changes.update(_reassigned(state))
    return changes


def _reassigned(state) -> dict:
    """Links set through a relationship (category.default_agency = agency): SQLAlchemy copies the new id into the
    column only during the flush, after this listener ran, so the column's own history is still empty."""
    changes = {}
    for relationship in state.mapper.relationships:
        columns = list(relationship.local_columns)
        if relationship.direction.name != "MANYTOONE" or len(columns) != 1:
            continue
        if not state.attrs[relationship.key].history.has_changes():
            continue
        name = state.mapper.get_property_by_column(columns[0]).key
        linked = getattr(state.obj(), relationship.key)
        old, new = getattr(state.obj(), name), getattr(linked, "id", None)
        if old != new:
            changes[name] = [old, new]
    return changes


def collect(session, flush_context, instances):
    """Before the flush: what each audited object is about to become (a created row is read after the flush)."""
    pending = session.info.setdefault("audit_pending", [])
    for action, objects in (("create", session.new), ("update", session.dirty), ("delete", session.deleted)):
        for obj in objects:
            if isinstance(obj, AUDITED) and (action != "update" or session.is_modified(obj)):
                changes = _changes(obj, action) if action != "create" else None
                if action == "update" and not changes:
                    continue
                pending.append((obj, action, changes))


def write(session, flush_context):
    """After the flush: one AuditEntry per collected change, in the flush's transaction."""
    pending = session.info.pop("audit_pending", [])
    if not pending:
        return
    actor_id, actor_label = session.info.get("audit_actor", SYSTEM)
    rows = []
    for obj, action, changes in pending:
        if changes is None:  # created: every field, now that the id exists
            changes = {attr.key: [None, _value(getattr(obj, attr.key))] for attr in inspect(obj).mapper.column_attrs
                       if attr.key not in IGNORED and getattr(obj, attr.key) is not None}
            for name in HIDDEN & changes.keys():
                changes[name] = [None, "***"]
        rows.append({"at": utcnow(), "actor_id": actor_id, "actor_label": actor_label,
                     "object_type": type(obj).__tablename__,
                     "object_id": "/".join(str(v) for v in inspect(obj).mapper.primary_key_from_instance(obj)),
                     "action": action, "changes": json.dumps(changes, ensure_ascii=False, default=str)})
    session.connection().execute(AuditEntry.__table__.insert(), rows)


def forget_actor(session, transaction) -> None:
    """The declared actor lasts one transaction: the next unit of work of a long-lived session declares its own."""
    if transaction.parent is None:
        session.info.pop("audit_actor", None)


# Reading the trail: what each record and field is called, and each stored value as people know it.
OBJECT_LABELS = {
    "agency": ("Cơ quan", "Agency"), "category": ("Lĩnh vực", "Category"),
    "routing_rule": ("Quy tắc phân công", "Routing rule"), "calendar_day": ("Ngày nghỉ, ngày làm bù", "Calendar day"),
    "user": ("Tài khoản", "Account"), "api_key": ("Khoá API", "API key"),
    "dialogue_session": ("Buổi đối thoại", "Dialogue session"), "explanation": ("Báo cáo giải trình", "Explanation"),
    "petition_photo": ("Ảnh phản ánh", "Petition photo"),
    "answer_template": ("Mẫu trả lời", "Answer template"),
    "leader_office": ("Chức danh lãnh đạo", "Leader's office"), "office_holder": ("Người giữ chức vụ", "Office holder"),
    "obligation": ("Nghĩa vụ tiếp dân, đối thoại", "Reception or dialogue obligation"),
}
FIELD_LABELS = {
    "id": ("Số hiệu", "ID"), "code": ("Mã", "Code"), "name": ("Tên", "Name"),
    "name_en": ("Tên tiếng Anh", "English name"),
    "description": ("Mô tả", "Description"), "email": ("Thư điện tử", "E-mail"),
    "parent_id": ("Cơ quan cấp trên", "Parent agency"), "active": ("Đang hoạt động", "Active"),
    "covers": ("Phạm vi", "Covers"), "default_agency_id": ("Cơ quan mặc định", "Default agency"),
    "deadline_days": ("Thời hạn (ngày làm việc)", "Deadline (working days)"), "category_id": ("Lĩnh vực", "Category"),
    "province_code": ("Tỉnh, thành phố", "Province"), "ward_code": ("Xã, phường", "Ward"),
    "agency_id": ("Cơ quan", "Agency"), "day": ("Ngày", "Day"), "kind": ("Loại ngày", "Kind of day"),
    "note": ("Ghi chú", "Note"), "full_name": ("Họ và tên", "Full name"), "role": ("Vai trò", "Role"),
    "password_hash": ("Mật khẩu", "Password"), "key_hash": ("Khoá bí mật", "Secret key"),
    "session_version": ("Phiên đăng nhập", "Sign-in sessions"), "revoked": ("Đã thu hồi", "Revoked"),
    "created_at": ("Tạo lúc", "Created at"), "leader_name": ("Người chủ trì", "Leader"),
    "leader_office": ("Chức vụ người chủ trì", "Leader's office"), "level": ("Cấp", "Level"),
    "held_at": ("Thời gian tổ chức", "Held at"), "venue": ("Địa điểm", "Venue"),
    "participants": ("Số người tham dự", "Participants"), "topics": ("Nội dung", "Topics"),
    "status": ("Trạng thái", "Status"), "conclusion_due_date": ("Hạn thông báo kết luận", "Conclusion due"),
    "conclusion_text": ("Thông báo kết luận", "Conclusion"),
    "public_conclusion": ("Kết luận công khai", "Public conclusion"),
    "conclusion_published_at": ("Ban hành kết luận lúc", "Conclusion published at"),
    "created_by_id": ("Người tạo", "Created by"), "period_from": ("Từ ngày", "From"), "period_to": ("Đến ngày", "To"),
    "body": ("Nội dung", "Text"), "filed_by_id": ("Người nộp", "Filed by"), "filed_at": ("Nộp lúc", "Filed at"),
    "single_approver": ("Chỉ có một người duyệt", "Single approver"),
    "published": ("Công bố", "Published"), "blurred_regions": ("Số vùng che mờ", "Blurred regions"),
    "published_at": ("Công bố lúc", "Published at"),
    "title": ("Tiêu đề", "Title"), "updated_by_id": ("Người sửa", "Edited by"),
    "updated_at": ("Sửa lúc", "Edited at"),
    "place_code": ("Mã địa bàn", "Place code"), "secretariat_email": ("Thư điện tử văn phòng", "Secretariat e-mail"),
    "office_id": ("Chức danh lãnh đạo", "Leader's office"), "starts_on": ("Từ ngày", "From"),
    "ends_on": ("Đến ngày", "Until"), "count": ("Số buổi", "Count"), "period": ("Mỗi kỳ", "Per period"),
    "target_group": ("Nhóm đối tượng", "Target group"),
}
ACTION_LABELS = {"create": ("tạo", "created"), "update": ("sửa", "changed"), "delete": ("xoá", "deleted")}
CODED_VALUES = {
    "kind": {"off": ("ngày nghỉ thêm", "extra day off"), "work": ("ngày làm bù", "make-up working day")},
    "level": {"province": ("cấp tỉnh", "province"), "commune": ("cấp xã", "commune")},
    "status": {"planned": ("dự kiến", "planned"), "held": ("đã tổ chức", "held"),
               "concluded": ("đã kết luận", "concluded")},
}
YES_NO = {True: ("có", "yes"), False: ("không", "no")}
LINKS = {"agency_id": "agency", "default_agency_id": "agency", "parent_id": "agency", "category_id": "category",
         "created_by_id": "user", "filed_by_id": "user"}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _names(session, entries, lang: str) -> dict:
    """Names of every agency, category and account the entries point to, read in three queries."""
    wanted = {"agency": set(), "category": set(), "user": set()}
    for entry, changes in entries:
        if entry.object_type in wanted and entry.object_id.isdigit():
            wanted[entry.object_type].add(int(entry.object_id))
        for field, values in changes.items():
            if field in LINKS:
                wanted[LINKS[field]].update(v for v in values if isinstance(v, int))
    names = {}
    for kind, model, label in (("agency", Agency, lambda a: a.name),
                               ("category", Category, lambda c: (c.name_en or c.name) if lang == "en" else c.name),
                               ("user", User, lambda u: u.full_name or u.email)):
        if wanted[kind]:
            names[kind] = {row.id: label(row) for row in session.query(model).filter(model.id.in_(wanted[kind]))}
        else:
            names[kind] = {}
    return names


def _readable_value(field: str, value, names: dict, lang: str) -> str:
    from portal.domain import places
    from portal.domain.calendar import local_time
    from portal.models import ROLE_LABELS

    if value is None or value == "":
        return "—"
    if field in LINKS:
        return names[LINKS[field]].get(value) or f"#{value}"
    if field == "role" and value in ROLE_LABELS:
        return _pick(ROLE_LABELS[value], lang)
    if isinstance(value, bool):
        return _pick(YES_NO[value], lang)
    if field in CODED_VALUES and value in CODED_VALUES[field]:
        return _pick(CODED_VALUES[field][value], lang)
    if field == "province_code":
        return places.province_name(value) or value
    if field == "ward_code":
        return places.ward_name_anywhere(value) or value
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value).strftime("%d/%m/%Y")
        except ValueError:
            return value
    if isinstance(value, str) and len(value) >= 19 and value[10] == "T":
        try:
            return local_time(datetime.fromisoformat(value)).strftime("%d/%m/%Y %H:%M")
        except ValueError:
            return value
    return str(value)


def _object_name(entry, changes: dict, names: dict, lang: str) -> str:
    """'Lĩnh vực Giao thông', not 'category #3'; a deleted record is named from its last values."""
    kind = _pick(OBJECT_LABELS.get(entry.object_type, (entry.object_type, entry.object_type)), lang)
    if entry.object_type in names and entry.object_id.isdigit():
        name = names[entry.object_type].get(int(entry.object_id))
    else:
        name = None
    if name is None:
        remembered = changes.get("name") or changes.get("full_name") or changes.get("leader_name") or [None, None]
        name = remembered[1] or remembered[0]
    if entry.object_type == "calendar_day":
        name = _readable_value("day", entry.object_id, names, lang)
    return f"{kind}: {name}" if name else f"{kind} #{entry.object_id}"


def readable_entries(session, entries, lang: str = "vi") -> list[dict]:
    """The audit entries as a reader wants them: Vietnam's time, names instead of ids, labelled fields."""
    from portal.domain.calendar import local_time

    parsed = [(entry, json.loads(entry.changes or "{}")) for entry in entries]
    names = _names(session, parsed, lang)
    return [{
        "at": local_time(entry.at), "actor": entry.actor_label, "action": _pick(ACTION_LABELS[entry.action], lang),
        "object": _object_name(entry, changes, names, lang), "action_code": entry.action,
        "changes": [(_pick(FIELD_LABELS.get(field, (field, field)), lang),
                     _readable_value(field, old, names, lang),
                     _readable_value(field, new, names, lang)) for field, (old, new) in changes.items()],
    } for entry, changes in parsed]


def object_type_label(object_type: str, lang: str = "vi") -> str:
    return _pick(OBJECT_LABELS.get(object_type, (object_type, object_type)), lang)

"""What administrators change: routing rules, the calendar, categories, agencies, accounts. Each change names its
actor in the audit trail (audit.acting_as: the administrator the page passes in)."""
import secrets
from collections.abc import Callable
from dataclasses import dataclass

from portal.domain import audit, places
from portal.domain.errors import Conflict, ValidationFailed
from portal.models import AGENCY_ROLES, ROLES, Agency, CalendarDay, Category, RoutingRule, User


def add_routing_rule(session, category_code: str, agency_code: str, province_code: str = "", ward_code: str = "", *,
                     actor=None) -> RoutingRule:
    audit.acting_as(session, actor)
    category = session.query(Category).filter_by(code=category_code).first()
    agency = session.query(Agency).filter_by(code=agency_code).first()
    if category is None or agency is None:
        raise ValidationFailed("Lĩnh vực hoặc cơ quan không tồn tại.", "Unknown category or agency.")
    if not places.is_valid_location(province_code or None, ward_code or None):
        raise ValidationFailed("Tỉnh hoặc xã/phường không đúng.", "Unknown province or ward.")
    rule = RoutingRule(category=category, agency=agency, province_code=province_code or None, ward_code=ward_code or None)
    session.add(rule)
    return rule


def remove_routing_rule(session, rule: RoutingRule, *, actor=None) -> None:
    audit.acting_as(session, actor)
    session.delete(rule)


def set_calendar_day(session, day, kind: str, note: str, *, actor=None) -> CalendarDay:
    """Add or change a day the government moved ('off' or 'work')."""
    audit.acting_as(session, actor)
    if kind not in ("off", "work"):
        raise ValidationFailed("Loại ngày phải là nghỉ hoặc làm bù.", "Kind must be off or work.")
    entry = session.get(CalendarDay, day) or CalendarDay(day=day)
    entry.kind, entry.note = kind, note.strip()
    session.add(entry)
    return entry


def remove_calendar_day(session, entry: CalendarDay, *, actor=None) -> None:
    audit.acting_as(session, actor)
    session.delete(entry)


def add_agency(session, code: str, name: str, *, actor=None) -> Agency:
    audit.acting_as(session, actor)
    code = code.strip().upper()
    if not code or not name.strip():
        raise ValidationFailed("Cần mã và tên cơ quan.", "Code and name are required.")
    if session.query(Agency).filter_by(code=code).first():
        raise ValidationFailed(f"Đã có cơ quan mã {code}.", f"Agency {code} exists.")
    agency = Agency(code=code, name=name.strip())
    session.add(agency)
    return agency


def toggle_single_approver(session, agency: Agency, *, actor=None) -> None:
    """Mark (or unmark) a one-person agency, whose head may approve an answer they wrote (recorded each time)."""
    audit.acting_as(session, actor)
    agency.single_approver = not agency.single_approver


def add_user(session, email: str, full_name: str, role: str, agency_code: str = "", *,
             actor=None) -> tuple[User, str]:
    """A new account with a generated password, returned once to hand over."""
    audit.acting_as(session, actor)
    email = email.strip().lower()
    if role not in ROLES:
        raise ValidationFailed("Vai trò không hợp lệ.", "Unknown role.")
    if session.query(User).filter_by(email=email).first():
        raise ValidationFailed("Thư điện tử này đã có tài khoản.", "This e-mail already has an account.")
    agency = session.query(Agency).filter_by(code=agency_code).first() if agency_code else None
    if role in AGENCY_ROLES and agency is None:
        raise ValidationFailed("Cán bộ cơ quan cần chọn cơ quan.", "Agency staff need an agency.")
    password = secrets.token_urlsafe(10)
    user = User(email=email, full_name=full_name.strip(), role=role, agency=agency)
    user.set_password(password)
    session.add(user)
    return user, password


# Editing one record. A form shows each field's value as text and carries, hidden, the values it showed; a save
# applies only the fields whose submitted value differs from the value shown, so a field the user left alone is
# never rewritten (no dropdown silently falling back to its first option), and a field someone else changed since
# the page was drawn is refused instead of overwritten (optimistic concurrency, field by field: these settings
# have no version column, and two administrators changing different fields of one record do not conflict).
@dataclass(frozen=True)
class EditableField:
    read: Callable[[object], str]  # the value as the form shows it
    write: Callable[[object, object, str], None]  # (session, record, text): checks the value, then sets it


def _agency_by_code(session, code: str) -> Agency:
    agency = session.query(Agency).filter_by(code=code).first()
    if agency is None:
        raise ValidationFailed("Cơ quan không tồn tại.", "Unknown agency.", field="agency")
    return agency


def _text(limit: int, required: bool = True):
    def check(text: str) -> str:
        text = (text or "").strip()
        if required and not text:
            raise ValidationFailed("Trường này không được để trống.", "This field is required.")
        if len(text) > limit:
            raise ValidationFailed(f"Tối đa {limit} ký tự.", f"At most {limit} characters.")
        return text
    return check


def _deadline_days(text: str) -> int:
    if not (text or "").strip().isdigit() or not 1 <= int(text) <= 90:
        raise ValidationFailed("Thời hạn từ 1 đến 90 ngày làm việc.", "Deadline is 1 to 90 working days.",
                               field="deadline_days")
    return int(text)


def _email(text: str) -> str | None:
    text = _text(255, required=False)(text)
    if text and ("@" not in text or " " in text):
        raise ValidationFailed("Thư điện tử không đúng.", "Invalid e-mail address.", field="email")
    return text.lower() or None


def _parent(session, agency: Agency, code: str) -> Agency | None:
    parent = _agency_by_code(session, code) if code else None
    walker = parent
    while walker is not None:  # an agency cannot sit under itself, directly or further up
        if walker.id == agency.id:
            raise ValidationFailed("Cơ quan không thể trực thuộc chính nó.", "An agency cannot be its own parent.",
                                   field="parent")
        walker = walker.parent
    return parent


def _flag(text: str) -> bool:
    if text not in ("0", "1"):
        raise ValidationFailed("Giá trị không hợp lệ.", "Invalid value.")
    return text == "1"


def _category_by_code(session, code: str) -> Category:
    category = session.query(Category).filter_by(code=code).first()
    if category is None:
        raise ValidationFailed("Lĩnh vực không tồn tại.", "Unknown category.", field="category")
    return category


def _day_kind(text: str) -> str:
    if text not in ("off", "work"):
        raise ValidationFailed("Loại ngày phải là nghỉ hoặc làm bù.", "Kind must be off or work.", field="kind")
    return text


EDITABLE = {
    "category": {
        "name": EditableField(lambda c: c.name, lambda s, c, v: setattr(c, "name", _text(255)(v))),
        "default_agency": EditableField(lambda c: c.default_agency.code,
                                        lambda s, c, v: setattr(c, "default_agency", _agency_by_code(s, v))),
        "deadline_days": EditableField(lambda c: str(c.deadline_days),
                                       lambda s, c, v: setattr(c, "deadline_days", _deadline_days(v))),
    },
    "agency": {
        "name": EditableField(lambda a: a.name, lambda s, a, v: setattr(a, "name", _text(255)(v))),
        "description": EditableField(lambda a: a.description or "",
                                     lambda s, a, v: setattr(a, "description", _text(500, required=False)(v))),
        "email": EditableField(lambda a: a.email or "", lambda s, a, v: setattr(a, "email", _email(v))),
        "parent": EditableField(lambda a: a.parent.code if a.parent else "",
                                lambda s, a, v: setattr(a, "parent", _parent(s, a, v))),
        "active": EditableField(lambda a: "1" if a.active else "0", lambda s, a, v: setattr(a, "active", _flag(v))),
    },
    "rule": {
        "category": EditableField(lambda r: r.category.code,
                                  lambda s, r, v: setattr(r, "category", _category_by_code(s, v))),
        "province_code": EditableField(lambda r: r.province_code or "",
                                       lambda s, r, v: setattr(r, "province_code", v.strip() or None)),
        "ward_code": EditableField(lambda r: r.ward_code or "",
                                   lambda s, r, v: setattr(r, "ward_code", v.strip() or None)),
        "agency": EditableField(lambda r: r.agency.code, lambda s, r, v: setattr(r, "agency", _agency_by_code(s, v))),
    },
    "day": {
        "kind": EditableField(lambda d: d.kind, lambda s, d, v: setattr(d, "kind", _day_kind(v))),
        "note": EditableField(lambda d: d.note or "",
                              lambda s, d, v: setattr(d, "note", _text(255, required=False)(v))),
    },
}


def shown_values(kind: str, record) -> dict[str, str]:
    """What an edit form of this record shows, field by field."""
    return {name: field.read(record) for name, field in EDITABLE[kind].items()}


def save_edit(session, kind: str, record, shown: dict[str, str], submitted: dict[str, str], *,
              actor=None) -> list[str]:
    """Apply the fields the user changed on a form that showed `shown`; returns their names (none: nothing saved)."""
    audit.acting_as(session, actor)
    fields = EDITABLE[kind]
    current = shown_values(kind, record)
    changed = {name: (value or "") for name, value in submitted.items()
               if name in fields and (value or "") != shown.get(name, current[name])}
    stale = [name for name in changed if current[name] not in (shown.get(name, current[name]), changed[name])]
    if stale:
        raise Conflict("Bản ghi vừa được người khác sửa. Vui lòng tải lại trang, xem giá trị mới rồi sửa lại.",
                       "Someone else changed this record meanwhile. Reload the page, check, then edit again.",
                       code="stale_record", field=stale[0])
    for name, value in changed.items():
        try:
            fields[name].write(session, record, value)
        except ValidationFailed as error:
            error.field = name  # the form shows the message beside the field that caused it
            raise
    if kind == "rule":
        check_rule_location(record)
    return [name for name in changed if fields[name].read(record) != current[name]]


def check_rule_location(rule: RoutingRule) -> None:
    if rule.ward_code and not rule.province_code:
        raise ValidationFailed("Chọn tỉnh trước khi chọn xã/phường.", "Choose the province before the ward.",
                               field="ward_code")
    if not places.is_valid_location(rule.province_code, rule.ward_code):
        raise ValidationFailed("Xã/phường không thuộc tỉnh đã chọn.", "The ward is not in the chosen province.",
                               field="ward_code")

"""What administrators change: routing rules, the calendar, categories, agencies, accounts."""
import secrets

from portal.domain import places
from portal.domain.errors import ValidationFailed
from portal.models import ROLES, Agency, CalendarDay, Category, RoutingRule, User


def add_routing_rule(session, category_code: str, agency_code: str, province_code: str = "", ward_code: str = "") -> RoutingRule:
    category = session.query(Category).filter_by(code=category_code).first()
    agency = session.query(Agency).filter_by(code=agency_code).first()
    if category is None or agency is None:
        raise ValidationFailed("Lĩnh vực hoặc cơ quan không tồn tại.", "Unknown category or agency.")
    if not places.is_valid_location(province_code or None, ward_code or None):
        raise ValidationFailed("Tỉnh hoặc xã/phường không đúng.", "Unknown province or ward.")
    rule = RoutingRule(category=category, agency=agency, province_code=province_code or None, ward_code=ward_code or None)
    session.add(rule)
    return rule


def set_calendar_day(session, day, kind: str, note: str) -> CalendarDay:
    """Add or change a day the government moved ('off' or 'work')."""
    if kind not in ("off", "work"):
        raise ValidationFailed("Loại ngày phải là nghỉ hoặc làm bù.", "Kind must be off or work.")
    entry = session.get(CalendarDay, day) or CalendarDay(day=day)
    entry.kind, entry.note = kind, note.strip()
    session.add(entry)
    return entry


def update_category(session, code: str, agency_code: str, deadline_days: int) -> Category:
    category = session.query(Category).filter_by(code=code).first()
    agency = session.query(Agency).filter_by(code=agency_code).first()
    if category is None or agency is None:
        raise ValidationFailed("Lĩnh vực hoặc cơ quan không tồn tại.", "Unknown category or agency.")
    if not 1 <= deadline_days <= 90:
        raise ValidationFailed("Thời hạn từ 1 đến 90 ngày làm việc.", "Deadline is 1 to 90 working days.")
    category.default_agency, category.deadline_days = agency, deadline_days
    return category


def add_agency(session, code: str, name: str) -> Agency:
    code = code.strip().upper()
    if not code or not name.strip():
        raise ValidationFailed("Cần mã và tên cơ quan.", "Code and name are required.")
    if session.query(Agency).filter_by(code=code).first():
        raise ValidationFailed(f"Đã có cơ quan mã {code}.", f"Agency {code} exists.")
    agency = Agency(code=code, name=name.strip())
    session.add(agency)
    return agency


def add_user(session, email: str, full_name: str, role: str, agency_code: str = "") -> tuple[User, str]:
    """A new account with a generated password, returned once to hand over."""
    email = email.strip().lower()
    if role not in ROLES:
        raise ValidationFailed("Vai trò không hợp lệ.", "Unknown role.")
    if session.query(User).filter_by(email=email).first():
        raise ValidationFailed("Thư điện tử này đã có tài khoản.", "This e-mail already has an account.")
    agency = session.query(Agency).filter_by(code=agency_code).first() if agency_code else None
    if role in ("agency_officer", "agency_head") and agency is None:
        raise ValidationFailed("Cán bộ cơ quan cần chọn cơ quan.", "Agency staff need an agency.")
    password = secrets.token_urlsafe(10)
    user = User(email=email, full_name=full_name.strip(), role=role, agency=agency)
    user.set_password(password)
    session.add(user)
    return user, password

"""Template filters and globals shared by every page."""
from datetime import date, datetime

from flask import has_request_context, request
from flask_login import current_user
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from portal.domain import places
from portal.domain.calendar import LOCAL_TZ
from portal.domain.lifecycle import OPEN_STATUSES, PUBLISHED_STATUSES, event_label, status_label
from portal.domain.petitions import format_secret
from portal.extensions import db
from portal.models import Category


def local_datetime(value: datetime | None, pattern: str = "%H:%M %d/%m/%Y") -> str:
    if value is None:
        return ""
    from zoneinfo import ZoneInfo

    return value.replace(tzinfo=ZoneInfo("UTC")).astimezone(LOCAL_TZ).strftime(pattern)


def vn_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


# Menu entries per role; an entry shows only once its blueprint is registered.
STAFF_NAV = {
    "operator": [("intake.console", _l("Tổng đài 1022"))],
    "secretariat": [("dialogue.sessions", _l("Ghi nhận đối thoại")), ("intake.import_file", _l("Nhập từ tệp"))],
    "coordinator": [("agency.triage", _l("Điều phối")), ("agency.inbox", _l("Hộp việc")), ("agency.search", _l("Tìm")),
                    ("intake.import_file", _l("Nhập từ tệp"))],
    "agency_officer": [("agency.inbox", _l("Hộp việc")), ("agency.search", _l("Tìm"))],
    "agency_head": [("agency.inbox", _l("Hộp việc")), ("agency.search", _l("Tìm")),
                    ("agency.explanation", _l("Giải trình")), ("agency.answer_templates", _l("Mẫu trả lời"))],
    "committee": [("committee.dashboard", _l("Bảng theo dõi"))],
    "admin": [("admin.index", _l("Quản trị")), ("agency.triage", _l("Điều phối")),
              ("committee.dashboard", _l("Bảng theo dõi"))],
}
PUBLIC_NAV = [("public.search", _l("Tìm kiếm")), ("public.public_map", _l("Bản đồ")),
              ("public.transparency", _l("Minh bạch")), ("dialogue.public_sessions", _l("Đối thoại")),
              ("public.calendar", _l("Lịch tiếp dân"))]
# A public entry staff do not need twice: the workspace entry that stands for it in their own menu.
PUBLIC_NAV_REPLACED_BY = {"dialogue.public_sessions": "dialogue.sessions"}
CHANNEL_LABELS = {"web": _l("Cổng thông tin"), "hotline": _l("Đường dây nóng 1022"),
                  "dialogue": _l("Đối thoại trực tiếp"), "email": _l("Thư điện tử"), "api": _l("Ứng dụng kết nối"),
                  "reception": _l("Tiếp công dân định kỳ")}


def channel_label(channel: str | None) -> str:
    """How a petition came in, in words (the code stays in exports and the API)."""
    return str(CHANNEL_LABELS.get(channel or "", channel or ""))


def menus_for(role: str, registered) -> tuple[list, list]:
    """The public and the staff menu of a role: staff see their workspace entry instead of its public twin."""
    staff = [item for item in STAFF_NAV.get(role, []) if item[0] in registered]
    mine = {endpoint for endpoint, _label in staff}
    public = [item for item in PUBLIC_NAV
              if item[0] in registered and PUBLIC_NAV_REPLACED_BY.get(item[0]) not in mine]
    return public, staff


def _english() -> bool:
    return has_request_context() and str(get_locale() or "vi") == "en"


def category_name(category) -> str:
    """A category's name in the page's language (its English name is kept beside it)."""
    if category is None:
        return ""
    return category.name_en if _english() and category.name_en else category.name


def category_choices(blank: str | None = None) -> list[tuple[str, str]]:
    """Every category as (code, name in the page's language), by name; `blank` first when the choice is optional."""
    choices = [(c.code, category_name(c)) for c in db.session.query(Category).order_by(Category.name)]
    return ([("", str(blank))] if blank is not None else []) + choices


def agency_name(agency) -> str:
    """An agency's name in the page's language, English while it keeps the taxonomy's name. Takes an Agency or
    a figures row ({"code": ..., "name": ...})."""
    if agency is None:
        return ""
    from portal.domain.taxonomy import english_agency_name

    code, name = (agency["code"], agency["name"]) if isinstance(agency, dict) else (agency.code, agency.name)
    return (english_agency_name(code, name) or name) if _english() else name


def event_note(note: str | None) -> str:
    """A timeline note in the page's language (the portal's own sentences; what people typed stays as typed)."""
    from portal.domain.event_notes import english_note

    return english_note(note or "") if _english() else (note or "")


def register(app):
    app.after_request(remember_language)
    app.add_template_filter(local_datetime, "local_datetime")
    app.add_template_filter(vn_date, "vn_date")
    app.add_template_filter(format_secret, "secret")
    app.add_template_filter(channel_label, "channel")
    app.add_template_filter(category_name, "category_name")
    app.add_template_filter(agency_name, "agency_name")
    app.add_template_filter(event_note, "event_note")
    # Status groups are the lifecycle's: a template asks `p.status in OPEN_STATUSES`, never a tuple of its own.
    app.add_template_global(OPEN_STATUSES, "OPEN_STATUSES")
    app.add_template_global(PUBLISHED_STATUSES, "PUBLISHED_STATUSES")
    app.add_template_global(category_choices, "category_choices")

    @app.template_filter("status")
    def status_filter(status):
        return status_label(status, str(get_locale() or "vi"))

    @app.template_filter("event_label")
    def event_label_filter(event):
        return event_label(event, str(get_locale() or "vi"))

    @app.template_filter("sipas_element")
    def sipas_element_filter(element):
        """The name of a SIPAS element (access, procedure, ...) in the page's language."""
        from portal.domain.ratings import ELEMENT_LABELS

        vietnamese, english = ELEMENT_LABELS[element]
        return english if str(get_locale() or "vi") == "en" else vietnamese

    @app.context_processor
    def globals_for_templates():
        if not has_request_context():  # letters rendered by `flask sweep`
            return {"lang": "vi"}
        public_nav, staff_nav = menus_for(getattr(current_user, "role", ""), app.view_functions)
        return {
            "lang": str(get_locale() or "vi"),
            "province_name": places.province_name,
            "ward_name": places.ward_name,
            "current_path": request.full_path.rstrip("?"),
            "public_nav": public_nav,
            "staff_nav": staff_nav,
        }


def remember_language(response):
    """?lang=en once keeps English on the next pages too."""
    chosen = request.args.get("lang")
    if chosen in ("vi", "en"):
        response.set_cookie("lang", chosen, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response

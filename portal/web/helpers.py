"""Template filters and globals shared by every page."""
from datetime import date, datetime

from flask import has_request_context, request
from flask_login import current_user
from flask_babel import get_locale

from portal.domain import places
from portal.domain.calendar import LOCAL_TZ
from portal.domain.lifecycle import status_label
from portal.domain.petitions import format_secret


def local_datetime(value: datetime | None, pattern: str = "%H:%M %d/%m/%Y") -> str:
    if value is None:
        return ""
    from zoneinfo import ZoneInfo

    return value.replace(tzinfo=ZoneInfo("UTC")).astimezone(LOCAL_TZ).strftime(pattern)


def vn_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


# Menu entries per role; an entry shows only once its blueprint is registered.
STAFF_NAV = {
    "operator": [("intake.console", "Tổng đài 1022")],
    "secretariat": [("dialogue.sessions", "Đối thoại trực tiếp")],
    "coordinator": [("agency.triage", "Điều phối"), ("agency.inbox", "Hộp việc"), ("agency.search", "Tìm")],
    "agency_officer": [("agency.inbox", "Hộp việc"), ("agency.search", "Tìm")],
    "agency_head": [("agency.inbox", "Hộp việc"), ("agency.search", "Tìm"), ("agency.explanation", "Giải trình")],
    "committee": [("committee.dashboard", "Bảng theo dõi")],
    "admin": [("admin.index", "Quản trị"), ("agency.triage", "Điều phối"), ("committee.dashboard", "Bảng theo dõi")],
}
PUBLIC_NAV = [("public.search", "Tìm kiếm"), ("public.transparency", "Minh bạch"),
              ("dialogue.public_sessions", "Đối thoại")]


def redact_light(text: str | None) -> str:
    """Titles on public pages: the exact patterns only (no NER on every page view)."""
    from portal.text.redact import redact

    return redact(text or "", use_ner=False)


def register(app):
    app.after_request(remember_language)
    app.add_template_filter(local_datetime, "local_datetime")
    app.add_template_filter(vn_date, "vn_date")
    app.add_template_filter(format_secret, "secret")
    app.add_template_filter(redact_light, "redact_light")

    @app.template_filter("status")
    def status_filter(status):
        return status_label(status, str(get_locale() or "vi"))

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
        return {
            "lang": str(get_locale() or "vi"),
            "province_name": places.province_name,
            "ward_name": places.ward_name,
            "current_path": request.full_path.rstrip("?"),
            "public_nav": [item for item in PUBLIC_NAV if item[0] in app.view_functions],
            "staff_nav": [item for item in STAFF_NAV.get(getattr(current_user, "role", ""), [])
                          if item[0] in app.view_functions],
        }


def remember_language(response):
    """?lang=en once keeps English on the next pages too."""
    chosen = request.args.get("lang")
    if chosen in ("vi", "en"):
        response.set_cookie("lang", chosen, max_age=365 * 24 * 3600, samesite="Lax", httponly=True)
    return response

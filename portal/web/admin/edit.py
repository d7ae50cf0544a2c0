"""One edit page per record (category, agency, routing rule, calendar day), pre-filled from that record.

The page carries, hidden, the values it showed; portal/domain/admin.save_edit applies only what the user changed.
Choices are checked there too (validate_choice=False), so a refused value gets the domain's message in Vietnamese."""
from datetime import date

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal.domain import admin
from portal.domain.audit import readable_entries
from portal.domain.errors import DomainError
from portal.extensions import db
from portal.models import Agency, AuditEntry, CalendarDay, Category, RoutingRule
from portal.web.admin import bp
from portal.web.admin.forms import (
    AgencyEditForm,
    CategoryEditForm,
    DayEditForm,
    RuleEditForm,
    agency_choices,
    location_choices,
)
from portal.web.helpers import category_choices
from portal.web.security import role_required


def _record_id(key: str) -> int | None:
    """A row id from the address; anything else (or past a 32-bit integer, which PostgreSQL refuses) is no record."""
    return int(key) if key.isdigit() and int(key) < 2**31 else None


def _category(key):
    return db.session.get(Category, _record_id(key)) if _record_id(key) else None


def _agency(key):
    return db.session.get(Agency, _record_id(key)) if _record_id(key) else None


def _rule(key):
    return db.session.get(RoutingRule, _record_id(key)) if _record_id(key) else None


def _day(key):
    try:
        return db.session.get(CalendarDay, date.fromisoformat(key))
    except ValueError:
        return None


# URL segment: (domain kind, audit object type, loader, form, page title, the record's name, admin index section)
KINDS = {
    "linh-vuc": ("category", "category", _category, CategoryEditForm, _l("Sửa lĩnh vực"), lambda c: c.name,
                 "categories"),
    "co-quan": ("agency", "agency", _agency, AgencyEditForm, _l("Sửa cơ quan"), lambda a: a.name, "agencies"),
    "quy-tac": ("rule", "routing_rule", _rule, RuleEditForm, _l("Sửa quy tắc phân công"),
                lambda r: f"{r.category.name} → {r.agency.name}", "rules"),
    "ngay": ("day", "calendar_day", _day, DayEditForm, _l("Sửa ngày nghỉ, ngày làm bù"),
             lambda d: d.day.strftime("%d/%m/%Y"), "calendar"),
}


def with_choices(form, record, kind: str):
    if kind == "category":
        form.default_agency.choices = agency_choices()
    elif kind == "agency":
        form.parent.choices = [("", "—")] + [c for c in agency_choices() if c[0] != record.code]
    elif kind == "rule":
        form.category.choices, form.agency.choices = category_choices(), agency_choices()
        location_choices(form, form.province_code.data)
    return form


def record_history(object_type: str, record_key: str) -> list[dict]:
    entries = (db.session.query(AuditEntry).filter_by(object_type=object_type, object_id=record_key)
               .order_by(AuditEntry.id.desc()).limit(10).all())
    return readable_entries(db.session, entries, lang=current_lang())


def current_lang() -> str:
    from flask_babel import get_locale

    return str(get_locale() or "vi")


@bp.route("/<segment>/<key>/sua", methods=["GET", "POST"])
@role_required("admin")
def edit(segment, key):
    """Edit one record: the form shows its current values; saving changes only what was changed."""
    if segment not in KINDS:
        abort(404)
    kind, object_type, load, form_class, title, name_of, section = KINDS[segment]
    record = load(key) or abort(404)
    shown = admin.shown_values(kind, record)
    form = with_choices(form_class(data=shown) if request.method == "GET" else form_class(), record, kind)
    status = 200
    if request.method == "POST":
        shown = {name: request.form.get(f"shown-{name}", value) for name, value in shown.items()}
        if form.validate_on_submit():
            try:
                changed = admin.save_edit(db.session, kind, record, shown,
                                          {name: request.form.get(name, "") for name in shown}, actor=current_user)
                db.session.commit()
            except DomainError as error:
                db.session.rollback()
                (form[error.field].errors if error.field in form else form.form_errors).append(
                    error.message(current_lang()))
                status = error.status if 400 <= error.status < 500 else 400
            else:
                flash(_("Đã lưu thay đổi.") if changed else _("Không có thay đổi nào để lưu."))
                return redirect(url_for("admin.edit", segment=segment, key=key))
        else:
            status = 400
    return render_template("admin/edit.html", form=form, shown=shown, title=title, name=name_of(record),
                           history=record_history(object_type, key), section=section), status


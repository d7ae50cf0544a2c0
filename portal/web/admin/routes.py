"""Administration: routing rules, calendar, categories, agencies and accounts."""
from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm

from portal.domain import admin
from portal.domain.errors import DomainError
from portal.extensions import db
from portal.models import Agency, CalendarDay, Category, RoutingRule, User
from portal.web.admin import bp
from portal.web.admin.forms import (
    AgencyForm,
    DayForm,
    RuleForm,
    UserForm,
    agency_choices,
    location_choices,
    role_choices,
    role_label,
)
from portal.web.helpers import category_choices
from portal.web.inputs import page_arg
from portal.web.security import role_required


def forms_with_choices():
    agencies, categories = agency_choices(), category_choices()
    rule, day, agency, user = RuleForm(prefix="rule"), DayForm(prefix="day"), AgencyForm(prefix="agency"), \
        UserForm(prefix="user")
    rule.category.choices, rule.agency.choices = categories, agencies
    location_choices(rule, rule.province_code.data)
    user.agency.choices = [("", "—")] + agencies
    user.role.choices = role_choices()
    return {"rule": rule, "day": day, "agency": agency, "user": user}


@bp.route("/")
@role_required("admin")
def index():
    """Everything an administrator edits, on one page."""
    return render_template("admin/index.html", forms=forms_with_choices(),
                           rules=db.session.query(RoutingRule).order_by(RoutingRule.id).all(),
                           days=db.session.query(CalendarDay).order_by(CalendarDay.day).all(),
                           categories=db.session.query(Category).order_by(Category.name).all(),
                           agencies=db.session.query(Agency).order_by(Agency.code).all(),
                           users=db.session.query(User).order_by(User.role, User.email).all(), role_label=role_label)


ACTIONS = {
    "rule": lambda f: admin.add_routing_rule(db.session, f.category.data, f.agency.data, f.province_code.data or "",
                                             (f.ward_code.data or "").strip(), actor=current_user)
                      and "Đã thêm quy tắc phân công.",
    "day": lambda f: admin.set_calendar_day(db.session, f.day.data, f.kind.data, f.note.data or "", actor=current_user)
                     and "Đã lưu ngày.",
    "agency": lambda f: admin.add_agency(db.session, f.code.data, f.name.data, actor=current_user)
                        and "Đã thêm cơ quan.",
}


@bp.post("/<kind>")
@role_required("admin")
def change(kind):
    forms = forms_with_choices()
    if kind not in ACTIONS:
        abort(404)
    form = forms[kind]
    if not form.validate_on_submit():
        flash("Dữ liệu không hợp lệ: " + "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()), "error")
        return redirect(url_for("admin.index"))
    try:
        message = ACTIONS[kind](form)
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        flash(error.message_vi, "error")
    else:
        flash(message)
    return redirect(url_for("admin.index"))


@bp.post("/quy-tac/<int:rule_id>/xoa")
@role_required("admin")
def delete_rule(rule_id):
    FlaskForm().validate_on_submit() or abort(400)
    rule = db.session.get(RoutingRule, rule_id) or abort(404)
    admin.remove_routing_rule(db.session, rule, actor=current_user)
    db.session.commit()
    flash("Đã xoá quy tắc phân công.")
    return redirect(url_for("admin.index"))


@bp.post("/ngay/<day>/xoa")
@role_required("admin")
def delete_day(day):
    from datetime import date

    FlaskForm().validate_on_submit() or abort(400)
    try:
        entry = db.session.get(CalendarDay, date.fromisoformat(day))
    except ValueError:
        abort(404)
    entry or abort(404)
    admin.remove_calendar_day(db.session, entry, actor=current_user)
    db.session.commit()
    flash("Đã xoá ngày.")
    return redirect(url_for("admin.index"))


@bp.get("/nhat-ky")
@role_required("admin", "committee")
def audit_trail():
    """The audit trail of settings, accounts, keys, dialogue sessions and explanations, newest first, readable:
    Vietnam's time, named fields, names instead of ids."""
    from flask_babel import get_locale

    from portal.domain.audit import object_type_label, readable_entries
    from portal.models import AuditEntry

    query = db.session.query(AuditEntry)
    object_type = request.args.get("loai", "")
    if object_type:
        query = query.filter(AuditEntry.object_type == object_type)
    page = page_arg("trang")
    entries = query.order_by(AuditEntry.id.desc()).offset((page - 1) * 100).limit(101).all()
    lang = str(get_locale() or "vi")
    types = [(t, object_type_label(t, lang))
             for (t,) in db.session.query(AuditEntry.object_type).distinct().order_by(AuditEntry.object_type)]
    return render_template("admin/audit.html", entries=readable_entries(db.session, entries[:100], lang),
                           more=len(entries) > 100, page=page, types=types, object_type=object_type)

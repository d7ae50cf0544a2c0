"""Administration of leaders' offices: who holds them (with history) and the reception days and dialogues each owes;
every change is in the audit trail (domain/leaders.py declares the administrator)."""
from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from portal.domain import leaders
from portal.domain.errors import DomainError
from portal.extensions import db
from portal.web.admin import bp
from portal.web.errors import current_language
from portal.web.security import role_required


class OfficeForm(FlaskForm):
    title = StringField(_l("Chức danh"), validators=[DataRequired(), Length(max=255)])
    level = SelectField(_l("Cấp"), choices=[("province", _l("Cấp tỉnh")), ("commune", _l("Cấp xã"))])
    place_code = StringField(_l("Mã tỉnh hoặc mã xã, phường"), validators=[DataRequired(), Length(max=16)])
    holder_name = StringField(_l("Người giữ chức vụ"), validators=[DataRequired(), Length(max=255)])
    starts_on = DateField(_l("Từ ngày"), validators=[DataRequired(_l("Chọn ngày."))])
    secretariat_email = StringField(_l("Thư điện tử của văn phòng"), validators=[Optional(), Length(max=255)])


class HolderForm(FlaskForm):
    name = StringField(_l("Người giữ chức vụ mới"), validators=[DataRequired(), Length(max=255)])
    starts_on = DateField(_l("Từ ngày"), validators=[DataRequired(_l("Chọn ngày."))])


class SecretariatForm(FlaskForm):
    secretariat_email = StringField(_l("Thư điện tử của văn phòng"), validators=[Optional(), Length(max=255)])


class ObligationForm(FlaskForm):
    kind = SelectField(_l("Loại"), choices=[("reception", _l("Tiếp công dân định kỳ")),
                                            ("dialogue", _l("Đối thoại trực tiếp"))])
    period = SelectField(_l("Mỗi"), choices=[("month", _l("tháng")), ("quarter", _l("quý")), ("year", _l("năm"))])
    count = IntegerField(_l("Số buổi (0 để bỏ)"), validators=[InputRequired(), NumberRange(0, 100)])


@bp.route("/lanh-dao")
@role_required("admin")
def leader_offices():
    """Offices, their holders over time, their secretariat's address and their obligations with the rule each
    default figure comes from."""
    return render_template("admin/leaders.html", offices=leaders.offices(db.session), office_form=OfficeForm(),
                           holder_form=HolderForm(), obligation_form=ObligationForm(),
                           secretariat_form=SecretariatForm(), place_name=leaders.place_name,
                           source=leaders.obligation_source,
                           defaults={level: leaders.default_obligations(level) for level in ("province", "commune")})


def saved(action, message: str):
    try:
        action()
        db.session.commit()
        flash(message)
    except DomainError as error:
        db.session.rollback()
        flash(error.message(current_language()), "error")
    return redirect(url_for("admin.leader_offices"))


def refused(form: FlaskForm):
    flash("; ".join(f"{form[name].label.text}: {' '.join(map(str, errors))}" for name, errors in form.errors.items()),
          "error")
    return redirect(url_for("admin.leader_offices"))


@bp.post("/lanh-dao/moi")
@role_required("admin")
def add_office():
    form = OfficeForm()
    if not form.validate_on_submit():
        return refused(form)
    return saved(lambda: leaders.create_office(
        db.session, title=form.title.data, level=form.level.data, place_code=form.place_code.data.strip(),
        holder_name=form.holder_name.data, starts_on=form.starts_on.data,
        secretariat_email=form.secretariat_email.data or "", actor=current_user), "Đã thêm chức danh.")


@bp.post("/lanh-dao/<int:office_id>/nguoi-giu")
@role_required("admin")
def change_holder(office_id):
    form = HolderForm()
    if not form.validate_on_submit():
        return refused(form)
    return saved(lambda: leaders.change_holder(db.session, leaders.office_or_404(db.session, office_id),
                                               form.name.data, form.starts_on.data, actor=current_user),
                 "Đã ghi người giữ chức vụ mới.")


@bp.post("/lanh-dao/<int:office_id>/nghia-vu")
@role_required("admin")
def set_obligation(office_id):
    form = ObligationForm()
    if not form.validate_on_submit():
        return refused(form)
    return saved(lambda: leaders.set_obligation(db.session, leaders.office_or_404(db.session, office_id),
                                                kind=form.kind.data, period=form.period.data, count=form.count.data,
                                                actor=current_user), "Đã lưu nghĩa vụ.")


@bp.post("/lanh-dao/<int:office_id>/van-phong")
@role_required("admin")
def set_secretariat(office_id):
    """Where the office's reminders of unmet obligations go; blank removes it."""
    form = SecretariatForm()
    if not form.validate_on_submit():
        return refused(form)
    return saved(lambda: leaders.set_secretariat_email(db.session, leaders.office_or_404(db.session, office_id),
                                                       form.secretariat_email.data or "", actor=current_user),
                 _("Đã lưu địa chỉ thư của văn phòng."))

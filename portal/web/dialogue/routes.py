"""Dialogue sessions: the secretariat records them and every petition raised; the public reads the outcome."""
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, FieldList, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from portal.domain import dialogue as dialogues
from portal.domain import places
from portal.domain.calendar import LOCAL_TZ
from portal.domain.duplicates import answer_source
from portal.domain.errors import DomainError
from portal.domain.petitions import PetitionDraft, published_answer
from portal.domain.public import public_text
from portal.domain.taxonomy import taxonomy_rules
from portal.extensions import db
from portal.models import Category, DialogueSession
from portal.web.errors import current_language
from portal.web.security import role_required

bp = Blueprint("dialogue", __name__)


class SessionForm(FlaskForm):
    leader_name = StringField(_l("Người chủ trì đối thoại"), validators=[DataRequired(), Length(max=255)])
    leader_office = StringField(_l("Chức vụ, cơ quan"), validators=[DataRequired(), Length(max=255)])
    level = SelectField(_l("Cấp"), choices=[("province", _l("Cấp tỉnh")), ("commune", _l("Cấp xã"))])
    held_at = DateTimeLocalField(_l("Thời gian"), validators=[DataRequired(_l("Chọn ngày giờ."))])
    venue = StringField(_l("Địa điểm"), validators=[DataRequired(), Length(max=255)])
    participants = IntegerField(_l("Số người tham dự"), default=0, validators=[Optional(), NumberRange(0, 100000)])
    topics = TextAreaField(_l("Chủ đề"), validators=[Optional(), Length(max=5000)])


class PetitionAtSessionForm(FlaskForm):
    content = TextAreaField(_l("Nội dung kiến nghị"), validators=[DataRequired(), Length(min=20, max=10000)])
    citizen_name = StringField(_l("Người nêu kiến nghị (không bắt buộc)"), validators=[Optional(), Length(max=255)])
    category = SelectField(_l("Lĩnh vực"), validate_choice=False)
    province_code = SelectField(_l("Tỉnh, thành phố"), validate_choice=False)
    ward_code = SelectField(_l("Xã, phường, đặc khu nơi xảy ra"), validate_choice=False)
    address = StringField(_l("Địa chỉ cụ thể (số nhà, đường, thôn, tổ)"), validators=[Optional(), Length(max=500)])


class MinutesForm(FlaskForm):
    minutes = TextAreaField(_l("Dán biên bản buổi đối thoại"), validators=[Optional(), Length(max=100000)])
    items = FieldList(TextAreaField(_l("Kiến nghị")), min_entries=0)


class ConclusionForm(FlaskForm):
    conclusion = TextAreaField(_l("Thông báo kết luận"), validators=[DataRequired(), Length(max=50000)])


class EmptyForm(FlaskForm):
    pass


def to_utc(local: datetime) -> datetime:
    return local.replace(tzinfo=LOCAL_TZ).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def category_choices():
    return [("", "Để hệ thống phân loại")] + [(c.code, c.name) for c in db.session.query(Category).order_by(Category.name)]


def petition_form() -> PetitionAtSessionForm:
    """The form for one petition raised at a session, its place defaulting to the portal's province."""
    form = PetitionAtSessionForm()
    form.category.choices = category_choices()
    if not form.province_code.data:
        form.province_code.data = current_app.config["PROVINCE_CODE"]
    form.province_code.choices = [("", "—")] + places.provinces()
    form.ward_code.choices = ward_choices(form.province_code.data)
    return form


def ward_choices(province_code: str) -> list[tuple[str, str]]:
    return [("", _l("— Chọn xã, phường —"))] + places.wards_of(province_code or "")


@bp.route("/doi-thoai/", methods=["GET", "POST"])
@role_required("secretariat")
def sessions():
    """All sessions, and a form to record a new one."""
    form = SessionForm()
    if form.validate_on_submit():
        try:
            created = dialogues.create_session(
                db.session, leader_name=form.leader_name.data, leader_office=form.leader_office.data,
                level=form.level.data, held_at=to_utc(form.held_at.data), venue=form.venue.data,
                participants=form.participants.data or 0, topics=form.topics.data or "",
                conclusion_days=taxonomy_rules()["dialogue_conclusion_days"],
                working_days=current_app.config.get("DIALOGUE_CONCLUSION_WORKING_DAYS", False), actor=current_user)
            db.session.commit()
            return redirect(url_for("dialogue.session_page", session_id=created.id))
        except DomainError as error:
            db.session.rollback()
            flash(error.message(current_language()), "error")
    items = db.session.query(DialogueSession).order_by(DialogueSession.held_at.desc()).limit(100).all()
    return render_template("dialogue/sessions.html", form=form, items=items, late=dialogues.is_conclusion_late), \
        422 if form.errors else 200


def dialogue_or_404(session_id: int) -> DialogueSession:
    return db.session.get(DialogueSession, session_id) or abort(404)


@bp.route("/doi-thoai/<int:session_id>")
@role_required("secretariat")
def session_page(session_id):
    """One session: hold it, record petitions (one by one or from the minutes), conclude, follow up."""
    item = dialogue_or_404(session_id)
    return render_template("dialogue/session.html", item=item, petition_form=petition_form(),
                           minutes_form=MinutesForm(),
                           conclusion_form=ConclusionForm(), empty=EmptyForm(), follow=dialogues.follow_up(item),
                           late=dialogues.is_conclusion_late(item))


def run(session_id: int, action, success: str):
    item = dialogue_or_404(session_id)
    try:
        action(item)
        db.session.commit()
        flash(success)
    except DomainError as error:
        db.session.rollback()
        flash(error.message(current_language()), "error")
    return redirect(url_for("dialogue.session_page", session_id=item.id))


@bp.post("/doi-thoai/<int:session_id>/da-to-chuc")
@role_required("secretariat")
def hold(session_id):
    EmptyForm().validate_on_submit() or abort(400)
    return run(session_id, dialogues.mark_held, "Đã ghi nhận buổi đối thoại đã diễn ra.")


@bp.post("/doi-thoai/<int:session_id>/kien-nghi")
@role_required("secretariat")
def add_petition(session_id):
    form = petition_form()
    if not form.validate_on_submit():
        flash(_("Nội dung kiến nghị cần từ 20 ký tự; địa chỉ tối đa 500 ký tự."), "error")
        return redirect(url_for("dialogue.session_page", session_id=session_id))
    draft = PetitionDraft(content=form.content.data, category_code=form.category.data or "",
                          reporter_name=form.citizen_name.data or "", province_code=form.province_code.data or "",
                          ward_code=form.ward_code.data or "", address=form.address.data or "")
    return run(session_id, lambda item: dialogues.record_petition(db.session, item, draft, current_user),
               "Đã ghi kiến nghị.")


@bp.post("/doi-thoai/<int:session_id>/bien-ban")
@role_required("secretariat")
def minutes(session_id):
    """Step 1: split the pasted minutes into items to review. Step 2: save the reviewed items, all or none."""
    item = dialogue_or_404(session_id)
    form = MinutesForm()
    if not form.validate_on_submit():
        abort(400)
    reviewed = reviewed_items()
    if not reviewed:
        province = current_app.config["PROVINCE_CODE"]
        return render_template("dialogue/review.html", item=item, form=form, province=province,
                               items=dialogues.split_minutes(form.minutes.data or ""), wards=ward_choices(province))

    def save_all(dialogue):
        for draft in reviewed:
            dialogues.record_petition(db.session, dialogue, draft, current_user)
    return run(session_id, save_all, f"Đã ghi {len(reviewed)} kiến nghị từ biên bản.")


def reviewed_items() -> list[PetitionDraft]:
    """The items the secretariat kept on the review page, each with the place it was given (blank items dropped)."""
    province = current_app.config["PROVINCE_CODE"]
    texts, wards, addresses = (request.form.getlist(name) for name in ("item", "ward", "address"))
    return [PetitionDraft(content=text.strip(), province_code=province,
                          ward_code=wards[index] if index < len(wards) else "",
                          address=(addresses[index] if index < len(addresses) else "")[:500])
            for index, text in enumerate(texts) if text.strip()]


@bp.post("/doi-thoai/<int:session_id>/ket-luan")
@role_required("secretariat")
def conclude(session_id):
    form = ConclusionForm()
    if not form.validate_on_submit():
        flash("Cần nội dung thông báo kết luận.", "error")
        return redirect(url_for("dialogue.session_page", session_id=session_id))
    return run(session_id, lambda item: dialogues.publish_conclusion(item, form.conclusion.data),
               "Đã ban hành thông báo kết luận.")


@bp.route("/doi-thoai-truc-tiep/")
def public_sessions():
    """Held sessions, for everyone."""
    items = (db.session.query(DialogueSession).filter(DialogueSession.status != "planned")
             .order_by(DialogueSession.held_at.desc()).limit(100).all())
    return render_template("dialogue/public_list.html", items=items)


@bp.route("/doi-thoai-truc-tiep/<int:session_id>")
def public_session(session_id):
    """Leader, date, the conclusion and the published answers to its petitions; no personal data."""
    item = dialogue_or_404(session_id)
    if item.status == "planned":
        abort(404)
    answered = [(p, public_text(p), published_answer(answer_source(p))) for p in item.petitions
                if p.status in ("published", "closed") and p.consent_public]
    return render_template("dialogue/public_session.html", item=item, answered=answered,
                           follow=dialogues.follow_up(item))

"""Dialogue sessions: the secretariat records them and every petition raised; the public reads the outcome."""
from datetime import datetime
from zoneinfo import ZoneInfo

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from portal.domain import dialogue as dialogues
from portal.domain import leaders, places
from portal.domain.calendar import LOCAL_TZ
from portal.domain.duplicates import answer_source
from portal.domain.errors import DomainError
from portal.domain.intake import route_if_inline
from portal.domain.lifecycle import PUBLISHED_STATUSES
from portal.domain.petitions import PetitionDraft, published_answer
from portal.domain.public import public_text
from portal.domain.taxonomy import taxonomy_rules
from portal.extensions import db
from portal.media_storage import storage_for
from portal.models import DialogueSession
from portal.web.dialogue import bp
from portal.web.dialogue.forms import ConclusionForm, EmptyForm, MinutesForm, PetitionAtSessionForm, SessionForm
from portal.web.errors import current_language
from portal.web.helpers import category_choices
from portal.web.pin_and_photos import coordinates, show_on_field, uploaded_photos
from portal.web.security import role_required


def to_utc(local: datetime) -> datetime:
    return local.replace(tzinfo=LOCAL_TZ).astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


def petition_form() -> PetitionAtSessionForm:
    """The form for one petition raised at a session, its place defaulting to the portal's province."""
    form = PetitionAtSessionForm()
    form.category.choices = category_choices(blank=_("Để hệ thống phân loại"))
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
    """All sessions, and a form to plan or record a new one."""
    form = session_form()
    if form.validate_on_submit():
        try:
            chosen = form.office.data or ""
            office = leaders.office_or_404(db.session, int(chosen) if int(chosen) < 2**31 else 0) \
                if chosen.isdigit() else None
            created = dialogues.create_session(
                db.session, leader_name=form.leader_name.data or "", leader_office=form.leader_office.data or "",
                level=form.level.data, held_at=to_utc(form.held_at.data), venue=form.venue.data,
                participants=form.participants.data or 0, topics=form.topics.data or "",
                conclusion_days=taxonomy_rules()["dialogue_conclusion_days"],
                working_days=current_app.config.get("DIALOGUE_CONCLUSION_WORKING_DAYS", False),
                kind=form.kind.data, office=office, target_group=form.target_group.data or "", actor=current_user)
            db.session.commit()
            return redirect(url_for("dialogue.session_page", session_id=created.id))
        except DomainError as error:
            db.session.rollback()
            flash(error.message(current_language()), "error")
    items = db.session.query(DialogueSession).order_by(DialogueSession.held_at.desc()).limit(100).all()
    return render_template("dialogue/sessions.html", form=form, items=items, late=dialogues.is_conclusion_late), \
        422 if form.errors else 200


def session_form() -> SessionForm:
    form = SessionForm()
    form.office.choices = [("", _l("— Không chọn: nhập người chủ trì —"))] + [
        (str(office.id), f"{office.title}, {leaders.place_name(office)}") for office in leaders.offices(db.session)
        if office.active]
    form.target_group.choices = [("", _l("Mọi người dân"))] + list(leaders.target_groups().items())
    return form


def dialogue_or_404(session_id: int) -> DialogueSession:
    return db.session.get(DialogueSession, session_id) or abort(404)


@bp.route("/doi-thoai/<int:session_id>")
@role_required("secretariat")
def session_page(session_id):
    """One session: hold it, record petitions (one by one or from the minutes), conclude, follow up."""
    return render_session(dialogue_or_404(session_id), petition_form())


def render_session(item: DialogueSession, form: PetitionAtSessionForm) -> str:
    return render_template("dialogue/session.html", item=item, petition_form=form, minutes_form=MinutesForm(),
                           conclusion_form=ConclusionForm(), empty=EmptyForm(), follow=dialogues.follow_up(item),
                           sheet=[row for row in dialogues.session_sheet(item) if row["asked_ahead"]],
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
    return run(session_id, lambda item: dialogues.mark_held(item, actor=current_user),
               "Đã ghi nhận buổi đối thoại đã diễn ra.")


@bp.post("/doi-thoai/<int:session_id>/kien-nghi")
@role_required("secretariat")
def add_petition(session_id):
    """Record one petition raised at the session; a refused one shows the session page again with what was typed
    and the reason beside its field."""
    item, form = dialogue_or_404(session_id), petition_form()
    if not form.validate_on_submit():
        flash(_("Nội dung kiến nghị cần từ 20 ký tự; địa chỉ tối đa 500 ký tự."), "error")
        return render_session(item, form), 422
    lat, lng = coordinates(form)
    draft = PetitionDraft(content=form.content.data, category_code=form.category.data or "",
                          reporter_name=form.citizen_name.data or "", province_code=form.province_code.data or "",
                          ward_code=form.ward_code.data or "", address=form.address.data or "", lat=lat, lng=lng)
    try:
        receipt = dialogues.record_petition(db.session, item, draft, current_user, photos=uploaded_photos(form),
                                            storage=storage_for(current_app), instruction=form.instruction.data or "")
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        if not show_on_field(form, error, current_language()):
            flash(error.message(current_language()), "error")
        return render_session(item, form), 422
    route_if_inline(db.session, receipt, current_app.config["INTAKE_ROUTING"])
    flash("Đã ghi kiến nghị.")
    return redirect(url_for("dialogue.session_page", session_id=item.id))


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

    receipts = []

    def save_all(dialogue):
        receipts.extend(dialogues.record_petition(db.session, dialogue, draft, current_user) for draft in reviewed)
    response = run(session_id, save_all, f"Đã ghi {len(reviewed)} kiến nghị từ biên bản.")
    # After run's commit. Had it rolled back, none of these petitions exists: nothing of ours is routed.
    route_if_inline(db.session, receipts, current_app.config["INTAKE_ROUTING"])
    return response


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
    return run(session_id, lambda item: dialogues.publish_conclusion(item, form.conclusion.data, actor=current_user),
               "Đã ban hành thông báo kết luận.")


@bp.route("/doi-thoai-truc-tiep/")
def public_sessions():
    """Held sessions, for everyone: dialogues, and the leaders' reception days under their own heading (a citizen
    looking for a dialogue does not expect a reception day among them)."""
    held = (DialogueSession.status != "planned")
    dialogues_held, receptions_held = (
        db.session.query(DialogueSession).filter(held, DialogueSession.kind == kind)
        .order_by(DialogueSession.held_at.desc()).limit(100).all() for kind in ("dialogue", "reception"))
    return render_template("dialogue/public_list.html", items=dialogues_held, receptions=receptions_held)


@bp.route("/doi-thoai-truc-tiep/<int:session_id>")
def public_session(session_id):
    """Leader, date, the conclusion and the published answers to its petitions; no personal data."""
    item = dialogue_or_404(session_id)
    if item.status == "planned":
        abort(404)
    answered = [(p, public_text(p), published_answer(answer_source(p))) for p in item.petitions
                if p.status in PUBLISHED_STATUSES and p.consent_public]
    return render_template("dialogue/public_session.html", item=item, answered=answered,
                           follow=dialogues.follow_up(item))

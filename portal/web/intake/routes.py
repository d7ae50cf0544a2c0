"""The hotline console: key in a call fast, see similar open petitions first, read back the code."""
from flask import current_app, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from portal.domain import places
from portal.domain.calendar import local_time, utcnow
from portal.domain.dialogue import ask_ahead
from portal.domain.errors import DomainError, NotFound
from portal.domain.leaders import upcoming
from portal.domain.hotline import find_for_caller, log_call
from portal.domain.intake import receive, route_if_inline
from portal.domain.petitions import PetitionDraft, format_secret
from portal.extensions import db
from portal.media_storage import storage_for
from portal.models import DialogueSession, Petition
from portal.text.similar import similar_open_petitions
from portal.web.errors import current_language
from portal.web.helpers import category_choices
from portal.web.intake import bp
from portal.web.intake.forms import CallForm, FollowUpForm, ImportForm
from portal.web.pin_and_photos import coordinates, show_on_field, uploaded_photos
from portal.web.security import role_required


def fill_choices(form: CallForm) -> None:
    form.category.choices = category_choices(blank=_("Để hệ thống phân loại"))
    form.province_code.choices = [("", "—")] + places.provinces()
    form.ward_code.choices = [("", "—")] + places.wards_of(form.province_code.data or "")
    form.dialogue_session.choices = [("", _("Không"))] + [
        (str(item.id), f"{local_time(item.held_at):%d/%m/%Y %H:%M} — {item.leader_name}, {item.leader_office}")
        for item in upcoming(db.session, utcnow())]


@bp.route("/", methods=["GET", "POST"])
@role_required("operator")
def console():
    """Key in a call. The first save shows similar open petitions of the ward; saving again creates it."""
    form = CallForm()
    fill_choices(form)
    similar = []
    if form.validate_on_submit():
        similar = similar_open_petitions(db.session, form.summary.data, form.ward_code.data or None)
        if similar and form.checked.data != "1":
            form.checked.data = "1"
            return render_template("intake/console.html", form=form, similar=similar, follow_up=FollowUpForm())
        try:
            receipt = receive_call(form)
            db.session.commit()
        except DomainError as error:
            db.session.rollback()
            if not show_on_field(form, error, current_language()):
                flash(error.message_vi, "error")
        else:
            route_if_inline(db.session, receipt, current_app.config["INTAKE_ROUTING"])
            return render_template("intake/saved.html", petition=db.session.get(Petition, receipt.petition_id),
                                   secret=format_secret(receipt.secret))
    return render_template("intake/console.html", form=form, similar=similar, follow_up=FollowUpForm()), \
        422 if form.errors else 200


def receive_call(form: CallForm):
    """The call as a petition; a question for an upcoming session is received as one (linked to the session)."""
    chosen = form.dialogue_session.data or ""
    if chosen.isdigit():
        item = db.session.get(DialogueSession, int(chosen)) if int(chosen) < 2**31 else None
        if item is None:
            raise NotFound("Không có buổi tiếp dân, đối thoại này.", "No such session.")
        return ask_ahead(db.session, item, draft_from(form), utcnow(), current_user)
    return receive(db.session, draft_from(form), current_user, photos=uploaded_photos(form),
                   storage=storage_for(current_app))


def draft_from(form: CallForm) -> PetitionDraft:
    note = "" if form.callback.data else "\n(Người gọi không muốn được gọi lại.)"
    lat, lng = coordinates(form)
    return PetitionDraft(content=form.summary.data + note, channel="hotline", category_code=form.category.data or "",
                         province_code=form.province_code.data or "", ward_code=form.ward_code.data or "",
                         address=form.address.data or "", lat=lat, lng=lng, reporter_name=form.caller_name.data or "",
                         reporter_phone=form.caller_phone.data or "", priority="urgent" if form.urgent.data else "normal")


@bp.route("/goi-y", methods=["POST"])
@role_required("operator")
def suggest():
    """The classifier's suggestion while the operator types (JSON; CSRF-protected)."""
    from portal.domain.classification import classify_with_agency

    text = (request.get_json(silent=True) or {}).get("text", "")
    if not isinstance(text, str) or len(text.strip()) < 20:
        return jsonify(category=None)
    return jsonify(classify_with_agency(db.session, text[:5000]))


@bp.route("/tra-cuu")
@role_required("operator")
def lookup():
    """A caller asks about status: by code or by phone."""
    results, error = [], None
    try:
        results = find_for_caller(db.session, request.args.get("q", ""))
    except DomainError as failure:
        error = failure.message_vi
    return render_template("intake/lookup.html", results=results, error=error, form=FollowUpForm())


@bp.post("/phan-anh/<code>/cuoc-goi")
@role_required("operator")
def follow_up_call(code):
    """Log a follow-up call on the petition's timeline."""
    petition = db.session.query(Petition).filter_by(code=code.upper()).first_or_404()
    form = FollowUpForm()
    if form.validate_on_submit():
        try:
            log_call(db.session, petition, current_user, form.summary.data)
            db.session.commit()
            flash(f"Đã ghi cuộc gọi vào {petition.code}.")
        except DomainError as error:
            db.session.rollback()
            flash(error.message_vi, "error")
    else:
        flash("Ghi tóm tắt cuộc gọi.", "error")
    return redirect(url_for("intake.lookup", q=petition.code))


@bp.route("/phan-anh/<code>/danh-gia", methods=["GET", "POST"])
@role_required("operator")
def caller_rating(code):
    """A hotline caller rates the published answer by phone; the operator keys it in (the event names them)."""
    from portal.domain.ratings import SCORE_ELEMENTS, rate_petition
    from portal.web.public.forms import RatingForm
    from portal.web.public.transparency import rating_outcome

    petition = db.session.query(Petition).filter_by(code=code.upper()).first_or_404()
    form, message = RatingForm(), None
    if form.validate_on_submit():
        try:
            rating = rate_petition(db.session, petition, {e: int(getattr(form, e).data) for e in SCORE_ELEMENTS},
                                   form.resolved.data == "yes", (form.comment.data or "").strip(),
                                   actor=current_user, allow_update=True)
            db.session.commit()
            flash(f"Đã ghi đánh giá của người gọi cho {petition.code}.")
            if outcome := rating_outcome(petition, rating.resolved):  # read out to the caller
                flash(outcome)
            return redirect(url_for("intake.lookup", q=petition.code))
        except DomainError as error:
            db.session.rollback()
            message = error.message_vi
    elif request.method == "POST":
        message = "Chọn đủ năm mức đánh giá và câu trả lời “đã giải quyết chưa”."
    return render_template("intake/rate.html", petition=petition, form=form, message=message), \
        (422 if message else 200)


@bp.route("/nhap", methods=["GET", "POST"])
@role_required("coordinator", "secretariat")
def import_file():
    """Import from a spreadsheet: a dry run first, then all rows or none."""
    from portal.domain.imports import COLUMNS, MAX_BYTES, check_rows, import_rows

    form, report, error = ImportForm(), None, None
    if request.method == "POST":
        # Refuse a huge upload by its declared size, before reading it.
        if (request.content_length or 0) > MAX_BYTES + 64 * 1024:
            error = f"Tệp quá lớn (tối đa {MAX_BYTES // (1024 * 1024)} MB). Hãy chia thành nhiều tệp."
        elif form.validate_on_submit() and form.upload.data:
            upload = form.upload.data
            data = upload.read(MAX_BYTES + 1)
            try:
                if request.form.get("commit") == "1":
                    receipts = import_rows(db.session, upload.filename or "", data, current_user)
                    db.session.commit()
                    route_if_inline(db.session, receipts, current_app.config["INTAKE_ROUTING"])
                    flash(f"Đã nhập {len(receipts)} phản ánh.")
                    return redirect(url_for("intake.import_file"))
                report = check_rows(db.session, upload.filename or "", data)
            except DomainError as failure:
                db.session.rollback()
                error = failure.message_vi
        else:
            error = "Chọn tệp để nhập."
    return render_template("intake/import.html", form=form, report=report, error=error, columns=COLUMNS), \
        (422 if error else 200)

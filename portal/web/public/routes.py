"""Pages for citizens: send a petition, follow it, read published answers."""
import uuid

from flask import abort, current_app, jsonify, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from itsdangerous import BadSignature, URLSafeTimedSerializer

from portal.domain import places
from portal.domain.confirmation import expected_answer
from portal.domain.duplicates import answer_source
from portal.domain.errors import DomainError
from portal.domain.intake import route_if_inline
from portal.domain.lifecycle import PUBLISHED_STATUSES
from portal.domain.petitions import (
    PetitionDraft,
    find_for_tracking,
    published_answer,
    published_petition,
)
from portal.domain.public import latest_published, public_text, submit_once, tracking_timeline
from portal.extensions import db, limiter
from portal.media_storage import storage_for
from portal.models import Petition
from portal.web.errors import current_language
from portal.web.helpers import category_choices
from portal.web.pin_and_photos import coordinates, show_on_field, uploaded_photos
from portal.web.public import bp, public_post_limit
from portal.web.public.forms import PetitionForm, TrackForm
from portal.web.public.proof import spend_request_proof, unproven_limit
from portal.web.security import code_in_form, limit_secret_guesses


@bp.route("/")
def home():
    """What the portal is for, how to send, and the latest published answers."""
    return render_template("public/home.html", latest=latest_published(db.session, limit=6))


def _fill_choices(form: PetitionForm) -> None:
    form.category.choices = category_choices(blank=_("Để hệ thống phân loại"))
    form.province_code.choices = [("", _("— Chọn tỉnh, thành phố —"))] + places.provinces()
    form.ward_code.choices = [("", _("— Chọn xã, phường —"))] + places.wards_of(form.province_code.data or "")


@bp.route("/gui-phan-anh", methods=["GET", "POST"])
@limiter.limit(public_post_limit, methods=["POST"])
@unproven_limit
def submit():
    """The petition form; on success the citizen sees the code and secret once."""
    form = PetitionForm()
    _fill_choices(form)
    if not form.submission_token.data:
        form.submission_token.data = uuid.uuid4().hex
    if form.validate_on_submit():
        lat, lng = coordinates(form)
        draft = PetitionDraft(
            content=form.content.data, title=form.title.data or "", channel="web",
            category_code=form.category.data or "", province_code=form.province_code.data or "",
            ward_code=form.ward_code.data or "", address=form.address.data or "", lat=lat, lng=lng,
            reporter_name=form.reporter_name.data or "", reporter_phone=form.reporter_phone.data or "",
            reporter_email=form.reporter_email.data or "", consent_public=bool(form.consent_public.data),
        )
        try:
            spend_request_proof(db.session)
            receipt = submit_once(db.session, draft, "web:" + form.submission_token.data[:64],
                                  app_secret=current_app.config["SECRET_KEY"], photos=uploaded_photos(form),
                                  storage=storage_for(current_app))
        except DomainError as error:
            db.session.rollback()
            if not show_on_field(form, error, current_language()):
                form.content.errors = list(form.content.errors) + [error.message(current_language())]
        else:
            route_if_inline(db.session, receipt, current_app.config["INTAKE_ROUTING"])
            session["submitted"] = {"code": receipt.code, "secret": receipt.secret}
            return redirect(url_for("public.submitted"))
    return render_template("public/submit.html", form=form), 422 if form.errors else 200


@bp.route("/da-gui")
def submitted():
    """The confirmation: shown once, so the secret does not linger in the session."""
    receipt = session.pop("submitted", None)
    if receipt is None:
        return redirect(url_for("public.track"))
    return render_template("public/submitted.html", expected=expected_answer(db.session, receipt["code"]), **receipt)


@bp.route("/tra-cuu", methods=["GET", "POST"])
@limiter.limit(public_post_limit, methods=["POST"])
@limit_secret_guesses(code_in_form, methods=["POST"])
def track():
    """Code + secret → the timeline, the due date and the answer once published."""
    form = TrackForm()
    if request.method == "GET" and request.args.get("code"):
        form.code.data = request.args["code"][:32]
    if form.validate_on_submit():
        try:
            petition = find_for_tracking(db.session, form.code.data, form.secret.data)
        except DomainError as error:
            return render_template("public/track.html", form=form, error=error.message(current_language())), 404
        from portal.domain.rejections import sender_view
        from portal.web.public.transparency import rating_form_for

        rateable = petition.status in PUBLISHED_STATUSES
        return render_template("public/tracked.html", petition=petition, events=tracking_timeline(petition),
                               answer=published_answer(answer_source(petition)),
                               apology_token=letter_token(petition.code),
                               rejection=sender_view(db.session, petition, current_language()),
                               rating_form=rating_form_for(petition) if rateable else None)
    return render_template("public/track.html", form=form), 422 if form.errors else 200


@bp.route("/p/<code>")
def published(code):
    """A published petition and its answer, with personal data removed."""
    from portal.domain.media import public_url
    from portal.domain.photo_review import public_photos

    petition = published_petition(db.session, code)
    photos = [{"full": public_url(p, "full"), "thumb": public_url(p, "thumb")}
              for p in public_photos(db.session, petition)]
    return render_template("public/published.html", petition=petition, answer=published_answer(petition),
                           public_text=public_text(petition), photos=photos)


@bp.route("/dia-ban/<province_code>/xa-phuong.json")
def wards(province_code):
    """Wards of a province, for the form's ward picker."""
    return jsonify([{"code": code, "name": name} for code, name in places.wards_of(province_code)])


@bp.app_template_global()
def province_center(province_code: str | None) -> str:
    """"lat,lng" where an intake form's map opens for a province (templates/_macros.html, pin_map); "" if unknown."""
    center = places.province_center(province_code)
    return f"{center[0]:.4f},{center[1]:.4f}" if center else ""


@bp.route("/dia-ban/xa-gan-nhat.json")
def nearest_ward():
    """The ward nearest to a pin (?lat=&lng=), for the forms' suggestion: {"ward": {province_code, province_name,
    ward_code, ward_name}}; {"ward": null} without a pin; 422 with the form's own message, in the page's language,
    for a place the form would refuse (outside Vietnam, unreadable numbers)."""
    try:
        lat, lng = places.checked_coordinates(request.args.get("lat"), request.args.get("lng"))
    except DomainError as error:
        return jsonify(error={"code": error.code, "message": error.message(current_language())}), 422
    suggestion = places.nearest_ward(lat, lng) if lat is not None else None
    return jsonify(ward=suggestion._asdict() if suggestion else None)


def _letters():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="apology-letter")


def letter_token(code: str) -> str:
    """A short-lived pass to the printable letter, handed out only on the tracking page (behind the secret)."""
    return _letters().dumps(code)


@bp.route("/thu-xin-loi/<code>")
def apology(code):
    """The apology letter alone, for printing."""
    try:
        allowed = _letters().loads(request.args.get("token", ""), max_age=3600) == code
    except BadSignature:
        allowed = False
    petition = db.session.query(Petition).filter_by(code=code).first() if allowed else None
    if petition is None or petition.apology is None:
        abort(404)
    return render_template("public/apology.html", petition=petition)

"""The sender erases their contact details from the tracking page, before the retention period ends."""
from flask import current_app, render_template
from itsdangerous import BadSignature, URLSafeTimedSerializer

from portal.domain.errors import DomainError
from portal.domain.retention import erase_on_request
from portal.extensions import db, limiter
from portal.media_storage import storage_for
from portal.models import Petition
from portal.web.errors import current_language
from portal.web.public import bp, public_post_limit
from portal.web.public.forms import ErasureForm


def erasure_signer():
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="contact-erasure")


@bp.app_template_global()
def erasure_form_for(petition: Petition) -> ErasureForm:
    """Handed out on the tracking page only (behind the secret): a signed pass for this petition, valid an hour."""
    form = ErasureForm()
    form.token.data = erasure_signer().dumps(petition.code)
    return form


@bp.post("/xoa-thong-tin-lien-he/<code>")
@limiter.limit(public_post_limit)
def erase_contact(code):
    """Erase the sender's contact details now; the petition, its handling and the figures stay."""
    form = ErasureForm()
    try:
        allowed = erasure_signer().loads(form.token.data or "", max_age=3600) == code
    except BadSignature:
        allowed = False
    petition = db.session.query(Petition).filter_by(code=code).first() if allowed else None
    if petition is None:
        return render_template("public/contact_erased.html", ok=False, expired=True), 404
    if not form.validate_on_submit():
        return render_template("public/contact_erased.html", ok=False, form=form), 422
    try:
        erase_on_request(db.session, petition, storage_for(current_app))
        db.session.commit()
    except DomainError as error:
        db.session.rollback()
        return render_template("public/contact_erased.html", ok=False,
                               message=error.message(current_language())), error.status
    return render_template("public/contact_erased.html", ok=True, petition=petition)

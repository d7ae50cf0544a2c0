"""Files the agency attached to a petition, downloadable by its sender from the tracking page."""
from pathlib import Path

from flask import abort, current_app, request, send_file
from itsdangerous import BadSignature, URLSafeTimedSerializer

from portal.domain.attachments import sender_attachments
from portal.extensions import db
from portal.models import Attachment, Petition
from portal.web.public import bp

LINK_LIFETIME = 3600  # seconds: the link was handed out behind the secret, and should not outlive the visit


def _links() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt="sender-attachment")


@bp.app_template_global()
def sender_files(petition: Petition) -> list[tuple[Attachment, str]]:
    """(attachment, signed token) for the tracking page, which is shown only to whoever gave the secret."""
    return [(item, _links().dumps([petition.code, item.id])) for item in sender_attachments(db.session, petition)]


@bp.route("/tra-cuu/tep")
def sender_file():
    """One attachment, for the holder of a fresh link from the tracking page."""
    try:
        code, attachment_id = _links().loads(request.args.get("t", ""), max_age=LINK_LIFETIME)
    except (BadSignature, ValueError, TypeError):
        abort(404)
    petition = db.session.query(Petition).filter_by(code=code).first() or abort(404)
    item = next((a for a in sender_attachments(db.session, petition) if a.id == attachment_id), None) or abort(404)
    path = Path(current_app.instance_path) / "uploads" / item.stored_name
    response = send_file(path, mimetype=item.content_type, as_attachment=True, download_name=item.filename)
    response.headers["Cache-Control"] = "private, no-store"
    return response

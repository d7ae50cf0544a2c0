"""The outbox, for administrators: every e-mail, SMS and webhook message by status and channel, why the last
attempt failed, and "retry now"."""
from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import _

from portal.domain import outbox
from portal.domain.errors import DomainError
from portal.domain.outbox_channels import OutboxSettings
from portal.extensions import db
from portal.models import OutboxMessage
from portal.models.outbox import OUTBOX_CHANNELS, OUTBOX_STATUSES
from portal.web.admin import bp
from portal.web.errors import current_language
from portal.web.inputs import page_arg
from portal.web.security import role_required


def _choice(name: str, allowed) -> str:
    value = request.args.get(name, "")
    return value if value in allowed else ""


@bp.get("/hop-thu-di")
@role_required("admin")
def outbox_messages():
    """Messages waiting, sent and given up, newest first, with their last error."""
    status, channel = _choice("trang-thai", OUTBOX_STATUSES), _choice("kenh", OUTBOX_CHANNELS)
    page = page_arg("trang")
    messages, more, counts = outbox.messages_for_admin(db.session, status=status, channel=channel, page=page)
    configured = set(OutboxSettings.from_config(current_app.config).channels())
    return render_template("admin/outbox.html", messages=messages, more=more, counts=counts, page=page,
                           status=status, channel=channel, statuses=OUTBOX_STATUSES, channels=OUTBOX_CHANNELS,
                           unconfigured=[c for c in OUTBOX_CHANNELS if c not in configured])


@bp.post("/hop-thu-di/<int:message_id>/gui-lai")
@role_required("admin")
def retry_outbox_message(message_id):
    """Send it again at the next delivery run, with the same delivery id."""
    message = db.session.get(OutboxMessage, message_id) or abort(404)
    try:
        outbox.retry_now(db.session, message)
    except DomainError as error:
        db.session.rollback()
        flash(error.message(current_language()), "error")
    else:
        db.session.commit()
        flash(_("Tin nhắn sẽ được gửi lại ở lần gửi kế tiếp."))
    return redirect(url_for("admin.outbox_messages", **{k: v for k, v in request.args.items()
                                                         if k in ("trang-thai", "kenh", "trang")}))


@bp.app_template_filter("masked_recipient")
def masked_recipient(recipient: str, channel: str) -> str:
    return outbox.masked_recipient(recipient, channel)

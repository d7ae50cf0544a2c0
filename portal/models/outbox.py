"""The outbox: every message the portal sends (e-mail, SMS, webhook), written in the same transaction as the change
that causes it, delivered later by one loop (portal/domain/outbox.py), and the integrators' webhook subscriptions."""
import json

from portal.extensions import db
from portal.models.base import utcnow

OUTBOX_CHANNELS = ("email", "sms", "webhook")
OUTBOX_STATUSES = ("pending", "sent", "failed_permanently")


class OutboxMessage(db.Model):
    """One message to one recipient. `delivery_id` is sent with every attempt (X-Portal-Delivery for webhooks,
    Message-ID for e-mail), so a receiver that got it twice (a crash between sending and marking) can tell."""

    __tablename__ = "outbox_message"
    __table_args__ = (db.Index("ix_outbox_message_due", "status", "next_attempt_at"),)

    id = db.Column(db.Integer, primary_key=True)
    channel = db.Column(db.String(16), nullable=False)
    recipient = db.Column(db.String(1000), nullable=False)  # e-mail address, phone number or webhook URL
    # JSON: {"subject", "body"} for e-mail, {"text"} for SMS; for a webhook the exact body that is posted and signed.
    payload = db.Column(db.Text, nullable=False)
    event = db.Column(db.String(40))  # petition.routed ... for webhooks
    webhook_id = db.Column(db.Integer, db.ForeignKey("webhook_subscription.id", ondelete="SET NULL"), index=True)
    delivery_id = db.Column(db.String(36), nullable=False, unique=True)
    # Makes a notice idempotent: the same key is never queued twice (e.g. one digest a day a person).
    dedupe_key = db.Column(db.String(255), unique=True)
    status = db.Column(db.String(24), nullable=False, default="pending")
    attempts = db.Column(db.Integer, nullable=False, default=0)
    next_attempt_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    last_error = db.Column(db.Text)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)
    queued_at = db.Column(db.DateTime, nullable=False, default=utcnow)  # the give-up period counts from here
    sent_at = db.Column(db.DateTime)

    webhook = db.relationship("WebhookSubscription")

    @property
    def content(self) -> dict:
        return json.loads(self.payload)


class WebhookSubscription(db.Model):
    """An integrator's endpoint. The signing secret is not stored: it is derived from the application's
    SECRET_KEY and this row's `key_salt` (portal/domain/outbox.py, webhook_secret), so a copy of the database
    alone cannot sign, and the secret can still be recomputed to sign each delivery."""

    __tablename__ = "webhook_subscription"

    id = db.Column(db.Integer, primary_key=True)
    url = db.Column(db.String(1000), nullable=False)
    events = db.Column(db.String(500), nullable=False)  # "all" or a comma-separated list of event names
    key_salt = db.Column(db.String(64), nullable=False)
    created_at = db.Column(db.DateTime, nullable=False, default=utcnow)

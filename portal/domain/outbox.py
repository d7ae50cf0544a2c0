"""The outbox: one road for everything the portal sends (e-mail, SMS, webhooks).

A message is a row written in the same transaction as the change that causes it, so it is never sent for a change
that rolled back, nor lost for one that committed. One loop, `deliver_due` (from `flask sweep` and
`flask outbox deliver`), claims due rows, hands each to its channel (portal/domain/outbox_channels.py) and records
the outcome: sent, retried later with exponential back-off, or failed permanently (a permanent refusal, or still
failing once the give-up period has passed). Administrators see and retry them at /quan-tri/hop-thu-di.

Claiming takes a lease (next_attempt_at moves past the send's timeout) in one UPDATE, with SKIP LOCKED on
PostgreSQL and under SQLite's single write lock, so two workers never send the same message; no transaction is held
open while a message is on the wire. A worker killed between sending and recording leaves the row pending: once the
lease ends it is sent again, with the same delivery id, which receivers use to drop the copy.
"""
import hashlib
import hmac
import json
import secrets
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Mapping

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from portal.domain.calendar import utcnow
from portal.domain.errors import NotFound, ValidationFailed
from portal.models import OutboxMessage, Petition, WebhookSubscription

EVENTS = ("petition.received", "petition.routed", "petition.answered", "petition.published", "petition.reopened",
          "petition.rejected")
# The status a petition moves to, and the event integrators hear (lifecycle.transition calls petition_moved).
EVENT_OF_STATUS = {"assigned": "petition.routed", "answered": "petition.answered", "published": "petition.published",
                   "reopened": "petition.reopened", "rejected": "petition.rejected"}
# Steps a sender who left a phone number hears of by SMS, at most 160 characters once sent (outbox_channels).
SMS_NOTICES = {
    "assigned": "Phản ánh {code} đã được giao {agency}, hạn trả lời {due}.",
    "published": "{agency} đã trả lời phản ánh {code}. Tra cứu bằng mã và mật mã để xem, đánh giá.",
    "reopened": "Phản ánh {code} được mở lại, {agency} xử lý tiếp, hạn {due}.",
}


class TransientFailure(Exception):
    """The receiver could not take it now (down, 5xx, timeout): try again later."""


class PermanentFailure(Exception):
    """The receiver refused it for good (no such address, subscription removed): never try again."""


@dataclass(frozen=True)
class RetryPolicy:
    base: timedelta = timedelta(seconds=60)  # the wait after the first failure, doubled after each further one
    cap: timedelta = timedelta(hours=1)  # the longest wait between two attempts
    give_up_after: timedelta = timedelta(hours=24)  # from queueing (or the last "retry now"): then failed
    lease: timedelta = timedelta(minutes=5)  # longer than any channel's timeout

    @classmethod
    def from_config(cls, config: Mapping) -> "RetryPolicy":
        return cls(base=timedelta(seconds=float(config["OUTBOX_RETRY_BASE_SECONDS"])),
                   cap=timedelta(seconds=float(config["OUTBOX_RETRY_CAP_SECONDS"])),
                   give_up_after=timedelta(hours=float(config["OUTBOX_GIVE_UP_HOURS"])),
                   lease=timedelta(seconds=float(config["OUTBOX_LEASE_SECONDS"])))

    def wait_after(self, attempts: int) -> timedelta:
        return min(self.cap, self.base * 2 ** max(attempts - 1, 0))


@dataclass
class DeliveryReport:
    sent: int = 0
    retrying: int = 0  # failed this time, tried again later
    failed: int = 0  # failed permanently
    errors: list[str] = field(default_factory=list)


def enqueue(session, channel: str, recipient: str, payload: dict | str, *, dedupe_key: str | None = None,
            event: str | None = None, webhook_id: int | None = None) -> bool:
    """Queue one message in the caller's transaction; False when one with the same key was queued before."""
    body = payload if isinstance(payload, str) else json.dumps(payload, ensure_ascii=False)
    now = utcnow()
    message = OutboxMessage(channel=channel, recipient=recipient, payload=body, dedupe_key=dedupe_key, event=event,
                            webhook_id=webhook_id, delivery_id=str(uuid.uuid4()), status="pending", attempts=0,
                            next_attempt_at=now, created_at=now, queued_at=now)
    if dedupe_key is None:  # nothing to collide with: no look-up, no savepoint
        session.add(message)
        return True
    if session.query(OutboxMessage.id).filter_by(dedupe_key=dedupe_key).first():
        return False
    try:
        with session.begin_nested():
            session.add(message)
    except IntegrityError:  # queued by a concurrent sweep a moment ago
        return False
    return True


# --- what causes messages ------------------------------------------------------------------------------------------

def petition_moved(session, petition: Petition, to_status: str, *, reopening: bool = False) -> None:
    """Called by lifecycle.transition for every status change: the webhooks of its event (a reopening is
    petition.reopened whether it goes back to the agency or to the coordinator), and the SMS a sender with a phone
    number gets at routing, publication and reopening."""
    event = "petition.reopened" if reopening else EVENT_OF_STATUS.get(to_status)
    if event:
        announce(session, petition, event)
    if to_status in SMS_NOTICES and petition.reporter_phone:
        values = {"code": petition.code, "agency": petition.agency.name if petition.agency else "Cơ quan xử lý",
                  "due": petition.due_date.strftime("%d/%m/%Y") if petition.due_date else ""}
        enqueue(session, "sms", petition.reporter_phone, {"text": SMS_NOTICES[to_status].format(**values)},
                dedupe_key=f"citizen:{petition.id}:sms:{to_status}:{petition.version}")


def announce(session, petition: Petition, event: str) -> int:
    """Queue `event` for every webhook subscribed to it; returns how many."""
    with session.no_autoflush:  # a look-up, not a reason to write the caller's half-made change early
        subscriptions = [s for s in session.query(WebhookSubscription) if event in subscribed_events(s)]
    if not subscriptions:
        return 0
    body = json.dumps(webhook_body(petition, event), ensure_ascii=False, separators=(",", ":"))
    for subscription in subscriptions:
        enqueue(session, "webhook", subscription.url, body, event=event, webhook_id=subscription.id)
    return len(subscriptions)


def webhook_body(petition: Petition, event: str) -> dict:
    """What an integrator reads: never the tracking secret nor a contact detail, and of the text only the public
    version the agency head approved, for a sender who consented to publication."""
    public = petition.consent_public and petition.public_content is not None
    return {"event": event, "at": utcnow().replace(microsecond=0).isoformat() + "Z", "petition": {
        "code": petition.code, "status": petition.status,
        "category": petition.category.code if petition.category else None,
        "agency": petition.agency.code if petition.agency else None, "due_at": _due_at(petition),
        "title": petition.public_title if public else None, "text": petition.public_content if public else None}}


def _due_at(petition: Petition) -> str | None:
    """The answer's deadline as a moment in UTC where the petition has one (urgent items are due within hours),
    else its due day."""
    moment = getattr(petition, "due_at", None)
    if moment is not None:
        return moment.replace(microsecond=0).isoformat() + "Z"
    return petition.due_date.isoformat() if petition.due_date else None


# --- the delivery loop ---------------------------------------------------------------------------------------------

def deliver_due(session, channels: Mapping, policy: RetryPolicy, *, now: datetime | None = None,
                limit: int = 200) -> DeliveryReport:
    """Send what is due on the configured `channels` ({"email": EmailChannel, ...}); a channel not given (mail
    disabled, no SMS gateway) leaves its messages waiting. Commits after each message."""
    report = DeliveryReport()
    now = now or utcnow()
    # Slow receivers must not keep this worker past its lease, or another would send the rest a second time:
    # what is left when half the lease is spent goes back to the queue untried.
    deadline = time.monotonic() + policy.lease.total_seconds() / 2
    try:
        claimed = claim(session, list(channels), now, policy.lease, limit)
        for index, message in enumerate(claimed):
            if time.monotonic() > deadline:
                _release(session, claimed[index:], now)
                break
            outcome = _attempt(message, channels[message.channel], policy, now)
            setattr(report, outcome, getattr(report, outcome) + 1)
            if message.last_error and outcome != "sent":
                report.errors.append(f"{message.channel} {message.delivery_id}: {message.last_error}")
            session.commit()
    finally:
        for channel in channels.values():
            channel.close()
    return report


def claim(session, channel_names: list[str], now: datetime, lease: timedelta, limit: int) -> list[OutboxMessage]:
    """Take up to `limit` due messages for this worker: their next attempt moves to the end of the lease, in one
    statement, so another worker skips them; committed before anything is sent."""
    if not channel_names:
        return []
    table = OutboxMessage.__table__
    due = (select(table.c.id).where(table.c.status == "pending", table.c.next_attempt_at <= now,
                                    table.c.channel.in_(channel_names))
           .order_by(table.c.next_attempt_at, table.c.id).limit(limit))
    if session.get_bind().dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)
    ids = session.execute(update(table).where(table.c.id.in_(due.scalar_subquery()))
                          .values(next_attempt_at=now + lease, attempts=table.c.attempts + 1)
                          .returning(table.c.id)).scalars().all()
    session.commit()
    if not ids:
        return []
    return session.query(OutboxMessage).filter(OutboxMessage.id.in_(ids)).order_by(OutboxMessage.id).all()


def _release(session, messages: list[OutboxMessage], now: datetime) -> None:
    for message in messages:
        message.next_attempt_at, message.attempts = now, message.attempts - 1
    session.commit()


def _attempt(message: OutboxMessage, channel, policy: RetryPolicy, now: datetime) -> str:
    if now - message.queued_at > policy.give_up_after:
        message.status, message.last_error = "failed_permanently", "expired before it could be sent"
        return "failed"
    try:
        channel.send(message)
    except PermanentFailure as error:
        message.status, message.last_error = "failed_permanently", str(error)[:1000]
        return "failed"
    except TransientFailure as error:
        message.last_error = str(error)[:1000]
        retry_at = now + policy.wait_after(message.attempts)
        if retry_at - message.queued_at > policy.give_up_after:
            message.status = "failed_permanently"
            message.last_error = f"gave up after {message.attempts} attempts: {message.last_error}"[:1000]
            return "failed"
        message.next_attempt_at = retry_at
        return "retrying"
    message.status, message.sent_at, message.last_error = "sent", utcnow(), None
    return "sent"


def retry_now(session, message: OutboxMessage) -> None:
    """An administrator (or `flask webhooks redeliver`) sends it again at the next run, with the same delivery id;
    the give-up period starts again."""
    if message.channel == "webhook" and message.webhook_id is None:
        raise ValidationFailed("Webhook này đã bị gỡ, không gửi lại được.",
                               "This webhook was removed; the message cannot be sent again.")
    now = utcnow()
    message.status, message.next_attempt_at, message.queued_at = "pending", now, now


def message_by_delivery_id(session, delivery_id: str) -> OutboxMessage:
    message = session.query(OutboxMessage).filter_by(delivery_id=delivery_id.strip()).first()
    if message is None:
        raise NotFound("Không có tin nhắn với mã gửi này.", "No message has this delivery id.")
    return message


def messages_for_admin(session, *, status: str = "", channel: str = "", page: int = 1, per_page: int = 50):
    """The admin page's list, newest first; returns (messages of the page, whether there are more, counts by
    (channel, status))."""
    query = session.query(OutboxMessage)
    if status:
        query = query.filter(OutboxMessage.status == status)
    if channel:
        query = query.filter(OutboxMessage.channel == channel)
    rows = query.order_by(OutboxMessage.id.desc()).offset((page - 1) * per_page).limit(per_page + 1).all()
    counts = {(c, s): n for c, s, n in session.execute(
        select(OutboxMessage.channel, OutboxMessage.status, func.count(OutboxMessage.id))
        .group_by(OutboxMessage.channel, OutboxMessage.status))}
    return rows[:per_page], len(rows) > per_page, counts


# --- webhook subscriptions -----------------------------------------------------------------------------------------

def webhook_secret(app_secret: str, subscription: WebhookSubscription) -> str:
    """The signing secret, derived (HMAC) from the application's SECRET_KEY and the subscription's salt: never
    stored, recomputed to sign. Changing SECRET_KEY changes every webhook's secret (`flask webhooks list` shows)."""
    digest = hmac.new(app_secret.encode(), b"webhook:" + subscription.key_salt.encode(), hashlib.sha256).hexdigest()
    return "whsec_" + digest


def signature(secret: str, body: bytes) -> str:
    """X-Portal-Signature: sha256=<hex HMAC-SHA256 of the raw body>."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def subscribed_events(subscription: WebhookSubscription) -> tuple[str, ...]:
    return EVENTS if subscription.events == "all" else tuple(subscription.events.split(","))


def parse_events(text: str) -> str:
    names = [name.strip() for name in text.split(",") if name.strip()]
    if names == ["all"]:
        return "all"
    unknown = [name for name in names if name not in EVENTS]
    if not names or unknown:
        raise ValidationFailed("Sự kiện không hợp lệ: " + ", ".join(unknown or ["(trống)"]),
                               "Unknown events: " + ", ".join(unknown or ["(none)"]) + ". Use all or "
                               + ",".join(EVENTS), field="events")
    return ",".join(dict.fromkeys(names))


def add_webhook(session, url: str, events: str, app_secret: str) -> tuple[WebhookSubscription, str]:
    """Subscribe `url` to `events`; returns the subscription and its signing secret."""
    url = url.strip()
    if not url.startswith(("http://", "https://")) or len(url) > 1000:
        raise ValidationFailed("Địa chỉ webhook phải bắt đầu bằng http:// hoặc https://.",
                               "The webhook URL must start with http:// or https://.", field="url")
    subscription = WebhookSubscription(url=url, events=parse_events(events), key_salt=secrets.token_hex(16),
                                       created_at=utcnow())
    session.add(subscription)
    session.flush()
    return subscription, webhook_secret(app_secret, subscription)


def remove_webhook(session, subscription_id: int) -> int:
    """Remove a subscription; what it still had waiting is marked failed. Returns how many were waiting."""
    subscription = session.get(WebhookSubscription, subscription_id)
    if subscription is None:
        raise NotFound("Không có webhook này.", "No such webhook.")
    waiting = session.query(OutboxMessage).filter_by(webhook_id=subscription.id, status="pending").all()
    for message in waiting:
        message.status, message.last_error = "failed_permanently", "webhook removed"
    session.query(OutboxMessage).filter_by(webhook_id=subscription.id).update({"webhook_id": None})
    session.delete(subscription)
    return len(waiting)


def masked_recipient(recipient: str, channel: str) -> str:
    """How the admin page shows a recipient: a webhook's URL whole, a citizen's address or phone only enough to
    tell two apart (the page is for delivery, not for reading contact details)."""
    if channel == "webhook" or not recipient:
        return recipient
    if channel == "email" and "@" in recipient:
        name, domain = recipient.split("@", 1)
        return f"{name[:2]}***@{domain}"
    return recipient[:3] + "*" * max(len(recipient) - 6, 0) + recipient[-3:]

"""The outbox: one table, one delivery loop, channels behind one interface. Webhooks and the SMS gateway are posted
to a real HTTP receiver on a local port (tests/http_receiver.py), as e-mail goes to a real SMTP server."""
import hashlib
import hmac
import json
from datetime import timedelta

import pytest

from portal.domain import outbox
from portal.domain.lifecycle import transition
from portal.domain.outbox import DeliveryReport, RetryPolicy, add_webhook, deliver_due
from portal.domain.outbox_channels import SmsGateway, SmsSettings, WebhookChannel, sms_text
from portal.models import OutboxMessage
from portal.models.base import utcnow
from tests.domain.test_retention import CONTENT, EMAIL, NAME, PHONE, publish, with_contact
from tests.http_receiver import Receiver

SECRET_KEY = "test-secret-key"  # the app's, as in conftest
POLICY = RetryPolicy(base=timedelta(seconds=60), cap=timedelta(hours=1), give_up_after=timedelta(hours=24),
                     lease=timedelta(minutes=5))


@pytest.fixture
def receiver():
    started = Receiver()
    yield started
    started.stop()


def webhooks():
    return {"webhook": WebhookChannel(SECRET_KEY)}


def webhook_messages(db, event=None):
    query = db.session.query(OutboxMessage).filter_by(channel="webhook")
    return (query.filter_by(event=event) if event else query).order_by(OutboxMessage.id).all()


def test_flask_webhooks_add_prints_a_secret_that_verifies_each_delivery(db, runner, receiver, petition_factory):
    receiver.start()
    added = runner.invoke(args=["webhooks", "add", "--url", receiver.url, "--events", "petition.routed"])
    assert added.exit_code == 0, added.output
    secret = added.output.strip().splitlines()[-1]
    petition = petition_factory(category="giao-thong")

    assert deliver_due(db.session, webhooks(), POLICY) == DeliveryReport(sent=1)

    [delivery] = receiver.received
    expected = "sha256=" + hmac.new(secret.encode(), delivery.body, hashlib.sha256).hexdigest()
    assert hmac.compare_digest(delivery.headers["X-Portal-Signature"], expected)
    assert delivery.headers["X-Portal-Event"] == "petition.routed"
    assert delivery.headers["X-Portal-Delivery"] == webhook_messages(db)[0].delivery_id
    body = json.loads(delivery.body)
    assert body["event"] == "petition.routed" and body["at"].endswith("Z")
    moment = getattr(petition, "due_at", None)  # the deadline as a moment (UTC), where the petition has one
    due_at = moment.replace(microsecond=0).isoformat() + "Z" if moment else petition.due_date.isoformat()
    assert body["petition"] == {"code": petition.code, "status": "assigned", "category": "giao-thong",
                                "agency": "SO-XD", "due_at": due_at, "title": None, "text": None}


def test_only_the_subscribed_events_are_queued(db, petition_factory, make_user):
    add_webhook(db.session, "http://127.0.0.1:9/a", "petition.published", SECRET_KEY)
    add_webhook(db.session, "http://127.0.0.1:9/b", "all", SECRET_KEY)
    db.session.commit()
    publish(db, petition_factory(category="giao-thong"), make_user)
    by_url = {}
    for message in webhook_messages(db):
        by_url.setdefault(message.recipient, []).append(message.event)
    assert by_url["http://127.0.0.1:9/a"] == ["petition.published"]
    assert by_url["http://127.0.0.1:9/b"] == ["petition.received", "petition.routed", "petition.answered",
                                             "petition.published"]


def test_a_webhook_never_carries_a_contact_detail_or_secret_only_the_public_text(db, petition_factory, make_user):
    add_webhook(db.session, "http://127.0.0.1:9/hook", "all", SECRET_KEY)
    db.session.commit()
    petition = publish(db, with_contact(petition_factory), make_user)
    bodies = [message.payload for message in webhook_messages(db)]
    assert len(bodies) == 4
    for body in bodies:
        for personal in (NAME, PHONE, "0905.123.456", "905 123 456", EMAIL, petition.plain_secret,
                         petition.secret_hash, "12 kiệt 34", "16.054", CONTENT[:40]):
            assert personal not in body, personal
    published = json.loads(webhook_messages(db, "petition.published")[0].payload)["petition"]
    assert petition.public_content and published["text"] == petition.public_content
    assert published["title"] == petition.public_title and NAME not in published["title"]


def test_a_webhook_of_a_sender_who_refused_publication_has_no_text(db, petition_factory, make_user):
    add_webhook(db.session, "http://127.0.0.1:9/hook", "petition.published", SECRET_KEY)
    db.session.commit()
    publish(db, petition_factory(category="giao-thong", consent_public=False), make_user)
    petition = json.loads(webhook_messages(db)[0].payload)["petition"]
    assert petition["status"] == "published" and petition["title"] is None and petition["text"] is None


def test_messages_are_queued_with_the_change_that_causes_them_or_not_at_all(db, petition_factory):
    add_webhook(db.session, "http://127.0.0.1:9/hook", "petition.rejected", SECRET_KEY)
    db.session.commit()
    petition = petition_factory(category="giao-thong", triage=True)
    transition(db.session, petition, "rejected", note="Không thuộc thẩm quyền.")
    db.session.rollback()
    assert webhook_messages(db) == []
    transition(db.session, petition, "rejected", note="Không thuộc thẩm quyền.")
    db.session.commit()
    assert [m.event for m in webhook_messages(db)] == ["petition.rejected"]


def test_a_receiver_down_then_failing_then_up_gets_the_message_once_with_the_same_delivery_id(
        db, receiver, petition_factory):
    add_webhook(db.session, receiver.url, "petition.routed", SECRET_KEY)  # the receiver is not listening yet
    db.session.commit()
    petition_factory(category="giao-thong")
    start = utcnow() + timedelta(seconds=1)
    [message] = webhook_messages(db)

    assert deliver_due(db.session, webhooks(), POLICY, now=start).retrying == 1  # connection refused
    assert message.attempts == 1 and "refused" in message.last_error.lower()
    assert message.next_attempt_at == start + timedelta(seconds=60)
    assert deliver_due(db.session, webhooks(), POLICY, now=start + timedelta(seconds=59)) == DeliveryReport()

    receiver.start()
    receiver.answers = [500, 503]
    assert deliver_due(db.session, webhooks(), POLICY, now=start + timedelta(seconds=60)).retrying == 1
    assert message.next_attempt_at == start + timedelta(seconds=60 + 120)  # the wait doubles
    assert "HTTP 500" in message.last_error
    assert deliver_due(db.session, webhooks(), POLICY, now=start + timedelta(seconds=180)).retrying == 1
    assert message.next_attempt_at == start + timedelta(seconds=180 + 240)
    assert deliver_due(db.session, webhooks(), POLICY, now=start + timedelta(seconds=420)) == DeliveryReport(sent=1)
    assert deliver_due(db.session, webhooks(), POLICY, now=start + timedelta(days=1)) == DeliveryReport()

    assert len(receiver.received) == 3  # two refused with 5xx, one taken
    assert {r.headers["X-Portal-Delivery"] for r in receiver.received} == {message.delivery_id}
    assert (message.status, message.attempts, message.last_error) == ("sent", 4, None)


class CrashAfterSending:
    """The delivering process dies after the receiver took the message and before the outbox recorded it."""

    def __init__(self, channel):
        self.channel = channel

    def send(self, message):
        self.channel.send(message)
        raise SystemExit("killed")

    def close(self):
        self.channel.close()


def test_a_crash_between_sending_and_recording_loses_nothing_and_repeats_the_same_delivery_id(
        db, receiver, petition_factory):
    receiver.start()
    add_webhook(db.session, receiver.url, "petition.routed", SECRET_KEY)
    db.session.commit()
    petition_factory(category="giao-thong")
    start = utcnow() + timedelta(seconds=1)
    with pytest.raises(SystemExit):
        deliver_due(db.session, {"webhook": CrashAfterSending(WebhookChannel(SECRET_KEY))}, POLICY, now=start)
    db.session.rollback()  # what the dead process had not committed is gone
    [message] = webhook_messages(db)
    assert message.status == "pending" and len(receiver.received) == 1

    # Another worker leaves it alone while the dead one's lease lasts, then sends it again.
    assert deliver_due(db.session, webhooks(), POLICY, now=start + timedelta(minutes=4)) == DeliveryReport()
    assert deliver_due(db.session, webhooks(), POLICY, now=start + timedelta(minutes=5)) == DeliveryReport(sent=1)
    assert deliver_due(db.session, webhooks(), POLICY, now=start + timedelta(hours=1)) == DeliveryReport()
    assert [r.headers["X-Portal-Delivery"] for r in receiver.received] == [message.delivery_id] * 2
    assert receiver.received[0].body == receiver.received[1].body  # same body, same signature


def test_two_workers_never_claim_the_same_message(app, db, petition_factory):
    from portal.extensions import new_session

    add_webhook(db.session, "http://127.0.0.1:9/hook", "all", SECRET_KEY)
    db.session.commit()
    petition_factory(category="giao-thong")
    now = utcnow() + timedelta(seconds=1)
    other = new_session()
    try:
        first = outbox.claim(db.session, ["webhook"], now, POLICY.lease, limit=1)
        second = outbox.claim(other, ["webhook"], now, POLICY.lease, limit=10)
        third = outbox.claim(db.session, ["webhook"], now, POLICY.lease, limit=10)
    finally:
        other.close()
    assert len(first) == 1 and len(second) == 1 and third == []
    assert first[0].id != second[0].id


def test_a_webhook_failing_for_24_hours_is_given_up_and_marked(db, receiver, petition_factory):
    receiver.start()
    receiver.answers = [500] * 100
    add_webhook(db.session, receiver.url, "petition.routed", SECRET_KEY)
    db.session.commit()
    petition_factory(category="giao-thong")
    [message] = webhook_messages(db)
    now = message.next_attempt_at
    while message.status == "pending":
        deliver_due(db.session, webhooks(), POLICY, now=now)
        now = message.next_attempt_at
    assert message.status == "failed_permanently" and message.last_error.startswith("gave up after")
    assert len(receiver.received) == message.attempts
    last_try = message.queued_at + sum((POLICY.wait_after(n) for n in range(1, message.attempts)), timedelta())
    assert last_try <= message.queued_at + timedelta(hours=24) < last_try + POLICY.wait_after(message.attempts)

    outbox.retry_now(db.session, message)  # an administrator's "retry now", or `flask webhooks redeliver`
    db.session.commit()
    receiver.answers = []
    assert deliver_due(db.session, webhooks(), POLICY) == DeliveryReport(sent=1)
    assert receiver.received[-1].headers["X-Portal-Delivery"] == message.delivery_id


def test_the_sms_gateway_gets_its_template_with_an_unaccented_text_of_at_most_160_characters(
        db, receiver, petition_factory):
    receiver.reply = '{"CodeResult": "100"}'
    receiver.start()
    gateway = SmsGateway(SmsSettings(url=receiver.url, body='{"Phone": "{phone}", "Content": "{message}"}',
                                     username="portal", password="mật khẩu", success='"CodeResult": "100"'))
    petition = petition_factory(category="giao-thong", reporter_phone="0905123456")

    assert deliver_due(db.session, {"sms": gateway}, POLICY) == DeliveryReport(sent=1)

    [request] = receiver.received
    sent = json.loads(request.body)
    assert sent["Phone"] == "0905123456"
    assert sent["Content"] == f"Phan anh {petition.code} da duoc giao So Xay dung, han tra loi " \
                              f"{petition.due_date:%d/%m/%Y}."
    assert request.headers["Authorization"].startswith("Basic ")
    assert request.headers["Content-Type"] == "application/json"


def test_an_sms_the_gateway_does_not_confirm_is_retried(db, receiver, petition_factory):
    receiver.reply = '{"CodeResult": "99", "ErrorMessage": "Sai so dien thoai"}'
    receiver.start()
    gateway = SmsGateway(SmsSettings(url=receiver.url, success='"CodeResult": "100"'))
    petition_factory(category="giao-thong", reporter_phone="0905123456")
    assert deliver_due(db.session, {"sms": gateway}, POLICY).retrying == 1
    assert "did not confirm" in db.session.query(OutboxMessage).filter_by(channel="sms").one().last_error


def test_an_sms_text_is_cut_at_a_word_to_160_characters_and_unaccented_on_request():
    long = "Phản ánh PA-2026-000123 đã được giao " + "Ủy ban nhân dân phường Hải Châu " * 6 + "xử lý."
    text = sms_text(long, ascii=True)
    assert len(text) <= 160 and text.endswith("...") and text.isascii()
    assert text.startswith("Phan anh PA-2026-000123 da duoc giao Uy ban nhan dan phuong Hai Chau")
    assert sms_text("Đã trả lời", ascii=False) == "Đã trả lời"
    assert len(sms_text(long, ascii=False)) <= 160


def test_a_sender_with_a_phone_gets_an_sms_at_routing_and_publication(db, petition_factory, make_user):
    petition = publish(db, petition_factory(category="giao-thong", reporter_phone="0905123456"), make_user)
    texts = [m.content["text"] for m in db.session.query(OutboxMessage).filter_by(channel="sms", recipient=PHONE)]
    assert len(texts) == 2 and petition.code in texts[0] and "đã trả lời" in texts[1]


def test_flask_webhooks_list_redeliver_and_remove(db, runner, receiver, petition_factory):
    receiver.start()
    runner.invoke(args=["webhooks", "add", "--url", receiver.url, "--events", "petition.routed"])
    petition_factory(category="giao-thong")
    assert deliver_due(db.session, webhooks(), POLICY).sent == 1
    listed = runner.invoke(args=["webhooks", "list"]).output
    assert receiver.url in listed and "sent 1" in listed
    [message] = webhook_messages(db)

    redelivered = runner.invoke(args=["webhooks", "redeliver", message.delivery_id])
    assert redelivered.exit_code == 0, redelivered.output
    assert deliver_due(db.session, webhooks(), POLICY).sent == 1
    assert [r.headers["X-Portal-Delivery"] for r in receiver.received] == [message.delivery_id] * 2

    petition_factory(category="giao-thong")  # one more waiting when the webhook goes
    removed = runner.invoke(args=["webhooks", "remove", str(message.webhook_id)])
    assert "1 waiting messages will not be sent" in removed.output
    assert runner.invoke(args=["webhooks", "list"]).output.strip() == "No webhooks."
    assert [m.status for m in webhook_messages(db)] == ["sent", "failed_permanently"]
    assert runner.invoke(args=["webhooks", "add", "--url", "ftp://x", "--events", "all"]).exit_code != 0
    assert runner.invoke(args=["webhooks", "add", "--url", receiver.url, "--events", "petition.eaten"]).exit_code != 0


def test_erasing_the_senders_contact_details_drops_the_sms_waiting_for_them(db, petition_factory):
    from portal.domain.retention import erase_contact

    petition = with_contact(petition_factory)  # routing queued an SMS to the sender's phone
    assert db.session.query(OutboxMessage).filter_by(channel="sms", recipient=PHONE).count() == 1
    assert erase_contact(db.session, petition, reason="sender")
    db.session.commit()
    assert db.session.query(OutboxMessage).filter_by(channel="sms").count() == 0


def test_a_reopening_is_announced_to_webhooks_and_by_sms_to_the_sender(db, petition_factory, make_user):
    from portal.domain.ratings import rate_petition

    add_webhook(db.session, "http://127.0.0.1:9/hook", "petition.reopened", SECRET_KEY)
    db.session.commit()
    petition = publish(db, petition_factory(category="giao-thong", reporter_phone=PHONE), make_user)
    rate_petition(db.session, petition, {"access": 2, "procedure": 2, "staff": 3, "result": 1, "feedback": 2}, False,
                  "Ổ gà vẫn còn.")
    db.session.commit()
    assert petition.status == "reopened"
    [webhook] = webhook_messages(db)
    assert json.loads(webhook.payload)["petition"]["status"] == "reopened"
    texts = [m.content["text"] for m in db.session.query(OutboxMessage).filter_by(channel="sms")]
    assert len(texts) == 3 and "được mở lại" in texts[-1]


class SlowChannel:
    """A receiver that takes longer to answer than half the claim's lease."""

    def __init__(self, seconds):
        self.seconds, self.sent = seconds, []

    def send(self, message):
        import time

        time.sleep(self.seconds)
        self.sent.append(message.delivery_id)

    def close(self):
        pass


def test_what_a_slow_receiver_leaves_past_half_the_lease_goes_back_to_the_queue_untried(db, petition_factory):
    add_webhook(db.session, "http://127.0.0.1:9/hook", "petition.routed", SECRET_KEY)
    db.session.commit()
    for _ in range(3):
        petition_factory(category="giao-thong")
    slow = SlowChannel(0.6)
    policy = RetryPolicy(lease=timedelta(seconds=1))
    now = utcnow() + timedelta(seconds=1)
    assert deliver_due(db.session, {"webhook": slow}, policy, now=now) == DeliveryReport(sent=1)
    waiting = [m for m in webhook_messages(db) if m.status == "pending"]
    assert len(waiting) == 2 and all(m.attempts == 0 and m.next_attempt_at == now for m in waiting)

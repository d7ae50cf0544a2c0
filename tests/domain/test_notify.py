"""E-mail goes through a real SMTP server (aiosmtpd on a free local port), not a mock, by the outbox's one loop."""
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from portal.domain import workflow
from portal.domain.notify import queue_digests
from portal.domain.outbox import DeliveryReport, RetryPolicy, deliver_due
from portal.domain.outbox_channels import EmailChannel, SmtpSettings
from portal.models import OutboxMessage


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


@pytest.fixture
def smtp_server():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox, SmtpSettings(host="127.0.0.1", port=port, sender="Cổng phản ánh <no-reply@portal.test>")
    controller.stop()


def deliver_pending(session, settings: SmtpSettings, public_url: str = "") -> tuple[int, int]:
    """(sent, failed or to retry): the outbox's loop with the e-mail channel alone."""
    report: DeliveryReport = deliver_due(session, {"email": EmailChannel(settings, public_url)}, RetryPolicy())
    return report.sent, report.retrying + report.failed


def decoded(message):
    return message.get_payload(decode=True).decode("utf-8")


def subject(message) -> str:
    from email.header import decode_header, make_header

    return str(make_header(decode_header(message["Subject"])))


def test_citizen_and_agency_are_told_of_an_assignment(db, smtp_server, petition_factory, make_user):
    inbox, settings = smtp_server
    officer = make_user("agency_officer", "SO-XD")
    petition = petition_factory(category="giao-thong", reporter_email="an@example.com")
    sent, failed = deliver_pending(db.session, settings)
    assert (sent, failed) == (2, 0)
    by_recipient = {m["To"]: m for m in inbox.messages}
    assert petition.code in subject(by_recipient["an@example.com"])
    assert "Sở Xây dựng" in decoded(by_recipient["an@example.com"])
    assert petition.code in decoded(by_recipient[officer.email])
    assert deliver_pending(db.session, settings) == (0, 0)  # nothing is sent twice


def test_publication_is_announced_to_the_citizen(db, smtp_server, petition_factory, make_user):
    inbox, settings = smtp_server
    petition = petition_factory(category="giao-thong", reporter_email="an@example.com")
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), "<p>Đã xử lý xong ổ gà trên đường.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    deliver_pending(db.session, settings)
    subjects = [subject(m) for m in inbox.messages if m["To"] == "an@example.com"]
    assert any("đã có trả lời" in s for s in subjects)


def test_daily_digest_is_queued_once_a_day(db, petition_factory, make_user):
    make_user("agency_head", "SO-XD")
    petition = petition_factory(category="giao-thong")
    assert queue_digests(db.session, petition.due_date) == 1
    assert queue_digests(db.session, petition.due_date) == 0
    db.session.commit()
    assert db.session.query(OutboxMessage).filter(OutboxMessage.dedupe_key.like("digest:%")).count() == 1


def test_an_unreachable_server_keeps_mail_queued(db, petition_factory):
    petition_factory(category="giao-thong", reporter_email="an@example.com")
    assert deliver_pending(db.session, SmtpSettings(host="127.0.0.1", port=1, sender="x@y.z")) == (0, 1)
    mail = db.session.query(OutboxMessage).filter_by(channel="email").one()
    assert (mail.status, mail.attempts) == ("pending", 1) and "unreachable" in mail.last_error


def test_the_agency_heads_are_told_when_a_draft_awaits_their_approval(db, smtp_server, petition_factory,
                                                                      make_user):
    inbox, settings = smtp_server
    petition = petition_factory(category="giao-thong")
    officer = make_user("agency_officer", "SO-XD", full_name="Lê Thị Hoa")
    heads = [make_user("agency_head", "SO-XD"), make_user("agency_head", "SO-XD")]
    other_agency_head = make_user("agency_head", "SO-YT")
    deliver_pending(db.session, settings)  # the assignment notices, sent before the draft
    inbox.messages.clear()
    workflow.submit_answer(db.session, petition, officer, "<p>Đã vá xong ổ gà trên đường Nguyễn Văn Linh.</p>")
    db.session.commit()
    assert deliver_pending(db.session, settings) == (2, 0)
    assert sorted(m["To"] for m in inbox.messages) == sorted(head.email for head in heads)
    assert other_agency_head.email not in {m["To"] for m in inbox.messages}
    message = inbox.messages[0]
    assert subject(message) == f"Dự thảo trả lời chờ duyệt: {petition.code}"
    assert "Lê Thị Hoa" in decoded(message) and "Chờ lãnh đạo duyệt" in decoded(message)


def test_the_citizens_notice_links_to_the_tracking_page(db, smtp_server, petition_factory):
    inbox, settings = smtp_server
    petition = petition_factory(category="giao-thong", reporter_email="an@example.com")
    deliver_pending(db.session, settings, public_url="https://phananh.example.gov.vn/")
    body = decoded(next(m for m in inbox.messages if m["To"] == "an@example.com"))
    assert f"https://phananh.example.gov.vn/tra-cuu?code={petition.code}" in body
    delivery_id = db.session.query(OutboxMessage).filter_by(recipient="an@example.com").one().delivery_id
    assert delivery_id in next(m for m in inbox.messages if m["To"] == "an@example.com")["Message-ID"]

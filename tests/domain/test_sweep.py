"""The periodic sweep (`flask sweep`): every step that waits for the clock, in one run, counted; a second run finds
nothing left. Mail goes through a real SMTP server (aiosmtpd), as in test_notify."""
from datetime import timedelta

from portal.domain.intake import receive
from portal.domain.outbox import DeliveryReport, RetryPolicy
from portal.domain.outbox_channels import OutboxSettings, SmtpSettings
from portal.domain.petitions import PetitionDraft
from portal.domain.sweep import SweepReport, SweepSettings, run_sweep
from portal.models import OutboxMessage, Petition
from tests.conftest import VALID_CONTENT
from tests.domain.test_notify import smtp_server  # noqa: F401  (the fixture)
from tests.domain.test_retention import months_later, publish, with_contact

NO_MAIL_SETTINGS = OutboxSettings(app_secret="test-secret-key", policy=RetryPolicy())
NO_MAIL = SweepSettings(retention_months=24, outbox=NO_MAIL_SETTINGS)


def with_smtp(smtp) -> SweepSettings:
    return SweepSettings(retention_months=24, outbox=OutboxSettings(app_secret="test-secret-key",
                                                                    policy=RetryPolicy(), smtp=smtp))


def waiting_petition(db) -> Petition:
    """Accepted, as the web form accepts it, and left by an intake worker that is down."""
    receipt = receive(db.session, PetitionDraft(content=VALID_CONTENT, category_code="giao-thong",
                                                province_code="48", ward_code="20257"))
    db.session.commit()
    return db.session.get(Petition, receipt.petition_id)


def test_one_sweep_routes_what_waits_marks_late_items_and_queues_digests_and_a_second_finds_nothing(
        db, petition_factory, make_user):
    make_user("agency_officer", "SO-XD")
    late = petition_factory(category="giao-thong")
    waiting = waiting_petition(db)
    today = late.due_date + timedelta(days=1)

    first = run_sweep(db.session, NO_MAIL, today)

    db.session.refresh(waiting)
    assert waiting.intake_step is None and waiting.agency.code == "SO-XD"
    assert late.overdue_marked_at is not None and late.apology is not None
    # Routed on the same day as `late`, the waiting petition has the same due date: late too.
    assert first == SweepReport(routed=1, marked_overdue=2, digests_queued=1, anonymised=0, retention_months=24,
                                outbox=DeliveryReport())
    assert run_sweep(db.session, NO_MAIL, today) == SweepReport(
        routed=0, marked_overdue=0, digests_queued=0, anonymised=0, retention_months=24, outbox=DeliveryReport())


def test_the_sweep_anonymises_contact_details_only_past_the_retention_period(db, petition_factory, make_user):
    petition = publish(db, with_contact(petition_factory), make_user)
    assert run_sweep(db.session, NO_MAIL, months_later(24, days=-1).date()).anonymised == 0
    assert run_sweep(db.session, SweepSettings(retention_months=12, outbox=NO_MAIL_SETTINGS),
                     months_later(12, days=2).date()).anonymised == 1
    db.session.refresh(petition)
    assert petition.contact_erased_at is not None and petition.reporter_name is None


def test_the_sweep_sends_queued_mail_only_when_mail_is_on(db, petition_factory, smtp_server):  # noqa: F811
    inbox, smtp = smtp_server
    petition_factory(category="giao-thong", reporter_email="an@example.com")  # "assigned" is queued for the sender
    assert run_sweep(db.session, NO_MAIL).outbox == DeliveryReport()
    assert inbox.messages == []
    report = run_sweep(db.session, with_smtp(smtp))
    assert report.outbox == DeliveryReport(sent=1)
    assert [message["To"] for message in inbox.messages] == ["an@example.com"]


def test_an_unreachable_mail_server_is_reported_and_the_mail_stays_queued(db, petition_factory):
    petition_factory(category="giao-thong", reporter_email="an@example.com")
    nowhere = SmtpSettings(host="127.0.0.1", port=1, sender="x@y.z")
    report = run_sweep(db.session, with_smtp(nowhere))
    assert (report.outbox.sent, report.outbox.retrying, report.outbox.failed) == (0, 1, 0)
    assert "mail server unreachable" in report.outbox.errors[0]
    assert db.session.query(OutboxMessage).filter_by(channel="email", status="pending").count() == 1


def test_settings_come_from_the_configuration(app):
    config = {**app.config, "RETENTION_MONTHS": "6", "MAIL_ENABLED": False}
    assert SweepSettings.from_config(config) == SweepSettings(
        retention_months=6, outbox=OutboxSettings(app_secret="test-secret-key", policy=RetryPolicy(),
                                                  public_url="http://127.0.0.1:5000"))
    settings = SweepSettings.from_config({**config, "MAIL_ENABLED": True, "MAIL_SERVER": "smtp.example.gov.vn",
                                          "MAIL_PORT": "587", "MAIL_USE_TLS": True})
    smtp = settings.outbox.smtp
    assert (smtp.host, smtp.port, smtp.use_tls) == ("smtp.example.gov.vn", 587, True)


def test_flask_outbox_deliver_says_when_the_mail_server_is_unreachable(app, db, petition_factory, runner,
                                                                        monkeypatch):
    petition_factory(category="giao-thong", reporter_email="an@example.com")
    monkeypatch.setitem(app.config, "MAIL_ENABLED", True)
    monkeypatch.setitem(app.config, "MAIL_PORT", 1)
    result = runner.invoke(args=["outbox", "deliver"])
    assert result.exit_code == 0, result.output
    assert "0 sent, 1 to retry" in result.output and "mail server unreachable" in result.output


def test_flask_sweep_prints_each_step(db, petition_factory, make_user, runner):
    late = petition_factory(category="giao-thong")
    waiting_petition(db)
    output = runner.invoke(args=["sweep", "--today", (late.due_date + timedelta(days=1)).isoformat()]).output
    assert output.splitlines() == [
        "1 waiting petitions routed.",
        "2 petitions marked overdue; 0 digests queued.",
        "0 petitions' contact details anonymised (24 months after they ended).",
    ]

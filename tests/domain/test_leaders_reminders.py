"""Reminders to a leader's secretariat: from the day fewer than 8 days of the month remain, each obligation still
unmet is e-mailed once, by `flask sweep`'s domain function and the outbox, to a real SMTP server (aiosmtpd)."""
from datetime import date

from portal.domain import leader_reminders, leaders
from portal.domain.outbox import RetryPolicy
from portal.domain.outbox_channels import OutboxSettings
from portal.domain.sweep import SweepSettings, run_sweep
from portal.models import LeaderReminder, OutboxMessage
from tests.domain.test_leaders import commune_office, held, province_office
from tests.domain.test_notify import decoded, smtp_server, subject  # noqa: F401  (the fixture)

PUBLIC_URL = "https://phananh.danang.gov.vn"


def sweep(db, smtp, day: date):
    settings = SweepSettings(retention_months=24, outbox=OutboxSettings(
        app_secret="test-secret-key", policy=RetryPolicy(), smtp=smtp, public_url=PUBLIC_URL))
    return run_sweep(db.session, settings, day)


def with_address(office, address):
    office.secretariat_email = address
    return office


def test_an_unmet_obligation_is_emailed_once_from_a_week_before_the_month_ends(db, smtp_server):  # noqa: F811
    inbox, smtp = smtp_server
    commune = with_address(commune_office(db), "vanphong.xa@danang.gov.vn")
    held(db, commune, date(2026, 11, 4))  # one reception day of the two November asks
    db.session.commit()

    assert sweep(db, smtp, date(2026, 11, 22)).leader_reminders == 0  # 8 days left: not yet
    assert inbox.messages == []

    report = sweep(db, smtp, date(2026, 11, 23))  # 7 days left
    assert (report.leader_reminders, report.outbox.sent) == (1, 1)
    [message] = inbox.messages
    assert message["To"] == "vanphong.xa@danang.gov.vn"
    assert "Chủ tịch UBND xã" in subject(message) and "còn 7 ngày" in subject(message)
    body = decoded(message)
    assert "Trần Thị Xã" in body
    assert "Tiếp công dân định kỳ tháng 11/2026" in body and "phải tổ chức 2 buổi, đã tổ chức 1 buổi" in body
    assert "còn 7 ngày" in body and f"{PUBLIC_URL}/lich-tiep-dan" in body

    assert sweep(db, smtp, date(2026, 11, 24)).leader_reminders == 0  # the next sweeps send nothing again
    assert sweep(db, smtp, date(2026, 11, 30)).leader_reminders == 0
    assert len(inbox.messages) == 1
    [record] = db.session.query(LeaderReminder).all()
    assert (record.kind, record.period, record.period_start, record.required, record.held) == (
        "reception", "month", date(2026, 11, 1), 2, 1)


def test_no_reminder_when_the_obligation_is_met_or_the_office_has_no_address(db, smtp_server):  # noqa: F811
    inbox, smtp = smtp_server
    province = with_address(province_office(db), "vanphong.tinh@danang.gov.vn")
    held(db, province, date(2026, 11, 12))  # its one reception day of November: met
    unaddressed = commune_office(db)  # nothing held, but nowhere to write to: flagged on the committee's page
    db.session.commit()

    assert sweep(db, smtp, date(2026, 11, 25)).leader_reminders == 0
    assert inbox.messages == [] and db.session.query(LeaderReminder).count() == 0
    assert [item.office.id for item in leader_reminders.unmet_near_period_end(db.session, date(2026, 11, 25))] == [
        unaddressed.id]

    # Given an address later in the window, it is reminded at the next sweep.
    leaders.set_secretariat_email(db.session, unaddressed, "vanphong.xa@danang.gov.vn")
    db.session.commit()
    assert sweep(db, smtp, date(2026, 11, 26)).leader_reminders == 1
    assert [message["To"] for message in inbox.messages] == ["vanphong.xa@danang.gov.vn"]


def test_the_year_end_reminder_lists_the_years_dialogue_with_the_months_reception_days(db):
    commune = with_address(commune_office(db), "vanphong.xa@danang.gov.vn")
    held(db, commune, date(2026, 12, 3))
    held(db, commune, date(2026, 12, 10))  # December's reception days: met
    held(db, commune, date(2026, 3, 10))  # a reception day in March does not count as a dialogue
    db.session.commit()
    assert leader_reminders.send_reminders(db.session, date(2026, 12, 28)) == 1
    [message] = db.session.query(OutboxMessage).filter_by(channel="email").all()
    assert "Đối thoại trực tiếp năm 2026 (01/01/2026 – 31/12/2026): phải tổ chức 1 buổi, đã tổ chức 0 buổi" in (
        message.content["body"])
    assert "Tiếp công dân định kỳ" not in message.content["body"]
    assert [(r.kind, r.period) for r in db.session.query(LeaderReminder)] == [("dialogue", "year")]


def test_the_window_is_configurable(db):
    commune = with_address(commune_office(db), "vanphong.xa@danang.gov.vn")
    db.session.commit()
    assert leader_reminders.days_before_period_end() == 7
    assert leader_reminders.send_reminders(db.session, date(2026, 11, 20), days=7) == 0
    assert leader_reminders.send_reminders(db.session, date(2026, 11, 20), days=10) == 1
    assert db.session.query(LeaderReminder).filter_by(office_id=commune.id).count() == 1


def test_flask_sweep_queues_the_reminder_once(db, runner):
    commune = with_address(commune_office(db), "vanphong.xa@danang.gov.vn")
    db.session.commit()
    assert "1 reminders to leaders' secretariats queued." in runner.invoke(
        args=["sweep", "--today", "2026-11-25"]).output
    assert "reminders" not in runner.invoke(args=["sweep", "--today", "2026-11-26"]).output
    [message] = db.session.query(OutboxMessage).filter_by(recipient="vanphong.xa@danang.gov.vn").all()
    assert message.dedupe_key.startswith(f"leader-reminder:{commune.id}:")

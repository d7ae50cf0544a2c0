"""One clock: every "today" is Vietnam's, whatever zone the server runs in.

The process runs in UTC and the clock is frozen at 00:30 on 1 April 2030 in Vietnam, which is still 31 March
(17:30) in UTC: a page or command that read the server's date would name the wrong day, and the wrong month."""
import os
import time
from datetime import date, datetime

import pytest

from portal.domain import calendar
from portal.models import Petition

VIETNAM_HALF_PAST_MIDNIGHT = datetime(2030, 3, 31, 17, 30)  # naive UTC = 01/04/2030 00:30 in Vietnam
VIETNAM_TODAY = date(2030, 4, 1)


@pytest.fixture
def server_in_utc_at_vietnam_half_past_midnight(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    monkeypatch.setattr(calendar, "utcnow", lambda: VIETNAM_HALF_PAST_MIDNIGHT)
    yield
    monkeypatch.undo()
    time.tzset()


pytestmark = pytest.mark.usefixtures("server_in_utc_at_vietnam_half_past_midnight")


def due(db, petition, day: date) -> Petition:
    petition.due_date = day
    db.session.commit()
    return petition


def test_the_clock_names_vietnams_day_not_the_servers():
    assert os.environ["TZ"] == "UTC" and time.strftime("%Z") == "UTC"
    assert calendar.local_today() == VIETNAM_TODAY
    assert calendar.local_now() == datetime(2030, 4, 1, 0, 30)


def test_the_sweep_marks_late_what_was_due_yesterday_in_vietnam_and_nothing_due_today(db, runner, petition_factory):
    late = due(db, petition_factory(), date(2030, 3, 31))
    due_today = due(db, petition_factory(), VIETNAM_TODAY)
    output = runner.invoke(args=["sweep"]).output
    assert "1 petitions marked overdue" in output
    db.session.refresh(late), db.session.refresh(due_today)
    assert late.overdue_marked_at is not None and due_today.overdue_marked_at is None
    assert "Ngày 01 tháng 04 năm 2030" in late.apology.body_html


def test_the_inbox_counts_due_soon_and_overdue_from_vietnams_today(client, db, login_as, petition_factory):
    yesterday = due(db, petition_factory(title="Hạn hôm qua"), date(2030, 3, 31))
    today = due(db, petition_factory(title="Hạn hôm nay"), VIETNAM_TODAY)
    login_as("agency_officer", "SO-XD")
    overdue = client.get("/co-quan/?due=overdue").get_data(as_text=True)
    soon = client.get("/co-quan/?due=soon").get_data(as_text=True)
    assert yesterday.code in overdue and today.code not in overdue
    assert today.code in soon and yesterday.code not in soon


def test_the_committee_period_defaults_to_vietnams_month_to_date(client, login_as):
    login_as("committee")
    page = client.get("/ban-dan-van/").get_data(as_text=True)
    assert 'name="from" value="2030-04-01"' in page and 'name="to" value="2030-04-01"' in page


def test_the_monthly_report_defaults_to_vietnams_last_month(client, login_as):
    login_as("committee")
    page = client.get("/ban-dan-van/bao-cao").get_data(as_text=True)
    assert "03/2030" in page


def test_the_explanation_covers_vietnams_last_month(client, login_as):
    login_as("agency_head", "SO-XD")
    page = client.get("/co-quan/giai-trinh").get_data(as_text=True)
    assert "01/03/2030 – 31/03/2030" in page


def test_the_transparency_page_counts_up_to_vietnams_today(client):
    page = client.get("/minh-bach").get_data(as_text=True)
    assert "01/04/2030" in page

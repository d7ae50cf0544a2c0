"""The coordinator's "5 rõ" assignment: rõ người follows the chosen agency, the deadline follows the category and
the calendar, and a deadline before today or past the category's handling time is refused."""
import json
import re
from datetime import datetime, timedelta

import pytest

from portal.domain.calendar import add_working_days, load_overrides, local_date, local_today
from portal.models import Assignment
from tests.conftest import browser_form, form_post


@pytest.fixture
def coordinator(login_as):
    return login_as("coordinator", "VP-UBND")


def page_form(client, url) -> dict:
    form = browser_form(client, url, "assign-form")
    form.pop("csrf_token", None)
    return form


def waiting(petition_factory, db, days_ago=0, category="giao-thong"):
    petition = petition_factory(category=category, triage=True)
    petition.created_at = petition.created_at - timedelta(days=days_ago)
    db.session.commit()
    return petition


def test_the_default_deadline_follows_the_category_and_calendar(client, db, coordinator, petition_factory):
    petition = waiting(petition_factory, db)
    form = page_form(client, f"/co-quan/dieu-phoi/{petition.code}")
    expected = add_working_days(local_date(petition.created_at), 10, load_overrides(db.session))
    assert form["due_date"] == expected.isoformat()


def test_the_default_deadline_is_never_in_the_past(client, db, coordinator, petition_factory):
    petition = waiting(petition_factory, db, days_ago=40)  # 10 working days from receipt ran out long ago
    form = page_form(client, f"/co-quan/dieu-phoi/{petition.code}")
    assert form["due_date"] >= local_today().isoformat()
    assert form["due_date"] == add_working_days(local_today(), 10, load_overrides(db.session)).isoformat()


def test_a_deadline_before_today_is_refused_with_a_clear_message(client, db, coordinator, petition_factory):
    petition = waiting(petition_factory, db)
    url = f"/co-quan/dieu-phoi/{petition.code}"
    form = dict(page_form(client, url), due_date=(local_today() - timedelta(days=1)).isoformat())
    response = form_post(client, url, form)
    assert response.status_code == 422
    assert f"Thời hạn không được trước hôm nay ({local_today():%d/%m/%Y})." in response.get_data(as_text=True)
    db.session.refresh(petition)
    assert petition.status == "received" and petition.needs_triage


def test_a_deadline_past_the_categorys_handling_time_is_refused(client, db, coordinator, petition_factory):
    petition = waiting(petition_factory, db)
    url = f"/co-quan/dieu-phoi/{petition.code}"
    form = page_form(client, url)
    latest = form["due_date"]
    response = form_post(client, url, dict(form, due_date=(datetime.fromisoformat(latest) + timedelta(days=1))
                                           .date().isoformat()))
    assert response.status_code == 422
    text = response.get_data(as_text=True)
    assert "Thời hạn không được quá" in text and "10 ngày làm việc" in text
    assert db.session.query(Assignment).filter_by(petition_id=petition.id).count() == 0


def test_changing_the_agency_makes_rõ_người_follow_it(client, db, coordinator, make_user, petition_factory):
    make_user("agency_head", "SO-TC", full_name="Nguyễn Thị Tài Chính")
    petition = waiting(petition_factory, db)
    url = f"/co-quan/dieu-phoi/{petition.code}"
    form = page_form(client, url)
    assert form["agency"] != "SO-TC"
    assert form_post(client, url, dict(form, agency="SO-TC")).status_code == 302
    assignment = db.session.query(Assignment).filter_by(petition_id=petition.id, active=True).one()
    assert assignment.lead_agency.code == "SO-TC"
    assert assignment.responsible_official == "Nguyễn Thị Tài Chính, lãnh đạo Sở Tài chính"


def test_a_person_the_coordinator_typed_is_kept_when_the_agency_changes(client, db, coordinator, petition_factory):
    petition = waiting(petition_factory, db)
    url = f"/co-quan/dieu-phoi/{petition.code}"
    form = dict(page_form(client, url), agency="SO-TC", responsible_official="Bà Lê Thị C, Phó Giám đốc")
    assert form_post(client, url, form).status_code == 302
    assert db.session.query(Assignment).filter_by(petition_id=petition.id).one().responsible_official \
        == "Bà Lê Thị C, Phó Giám đốc"


def test_changing_the_category_makes_the_deadline_follow_it(client, db, coordinator, petition_factory):
    petition = waiting(petition_factory, db)
    url = f"/co-quan/dieu-phoi/{petition.code}"
    assert form_post(client, url, dict(page_form(client, url), category="y-te")).status_code == 302  # 7 days
    db.session.refresh(petition)
    assert petition.due_date == add_working_days(local_date(petition.created_at), 7, load_overrides(db.session))


def test_the_page_carries_each_agencys_person_and_each_categorys_deadline(client, db, coordinator, make_user,
                                                                          petition_factory):
    make_user("agency_head", "SO-TC", full_name="Nguyễn Thị Tài Chính")
    petition = waiting(petition_factory, db)
    html = client.get(f"/co-quan/dieu-phoi/{petition.code}").get_data(as_text=True)
    data = json.loads(re.search(r'<script type="application/json" id="assign-defaults">(.*?)</script>', html,
                                re.S).group(1))
    assert data["officials"]["SO-TC"] == "Nguyễn Thị Tài Chính, lãnh đạo Sở Tài chính"
    assert data["officials"]["SO-YT"] == "Lãnh đạo Sở Y tế"
    assert set(data["due_dates"]) >= {"giao-thong", "y-te"}
    assert "/static/js/assign.js" in html

"""Urgency on the pages and in the API: the operator marks a call urgent on the console, the coordinator takes the
mark off on the item page, every staff list shows it in words, and the tracking JSON gives priority and due_at on
Vietnam's clock."""
import re

from portal.domain import calendar
from portal.models import Petition, PetitionEvent
from tests.conftest import form_post

CALL = {"summary": "Người dân gọi báo cây đổ đè lên dây điện trên đường Lê Duẩn, dây điện đang chập, rất nguy hiểm.",
        "caller_name": "Lê Văn Gọi", "caller_phone": "0905 111 222", "callback": "y", "province_code": "48",
        "ward_code": "20257", "address": "", "category": "ha-tang-do-thi"}


def test_the_operator_marks_a_call_urgent_on_the_console(client, db, login_as):
    operator = login_as("operator")
    response = form_post(client, "/tong-dai/", {**CALL, "urgent": "y"})
    assert response.status_code == 200 and 'id="petition-code"' in response.get_data(as_text=True)
    petition = db.session.query(Petition).one()
    assert petition.priority == "urgent" and petition.status == "assigned"
    assert petition.due_at == calendar.add_working_hours(petition.created_at, 8, calendar.load_overrides(db.session))
    received = db.session.query(PetitionEvent).filter_by(petition_id=petition.id, to_status="received").one()
    assert received.actor_id == operator.id and "Đánh dấu khẩn cấp" in received.note


def test_a_call_not_marked_urgent_stays_normal(client, db, login_as):
    login_as("operator")
    form_post(client, "/tong-dai/", CALL)
    assert db.session.query(Petition).one().priority == "normal"


def test_the_coordinator_clears_urgency_on_the_item_page(client, db, login_as, petition_factory):
    petition = petition_factory(category="giao-thong", priority="urgent")
    urgent_due = petition.due_at
    coordinator = login_as("coordinator")
    url = f"/co-quan/phan-anh/{petition.code}"
    page = client.get(url).get_data(as_text=True)
    assert 'id="urgent-badge"' in page and "Bỏ đánh dấu khẩn cấp" in page
    response = form_post(client, url + "/khan-cap", {"priority-priority": "normal", "priority-reason": "Đã hết nguy hiểm",
                                                     "priority-version": str(petition.version)}, page_url=url)
    assert response.status_code == 302
    db.session.refresh(petition)
    assert petition.priority == "normal" and petition.due_at > urgent_due
    assert petition.due_at == calendar.due_at_for(petition.created_at, petition.category.deadline_days,
                                                  calendar.load_overrides(db.session))
    event = db.session.query(PetitionEvent).filter_by(petition_id=petition.id, kind="priority").one()
    assert event.actor_id == coordinator.id and "Đã hết nguy hiểm" in event.note
    page = client.get(url).get_data(as_text=True)
    assert 'id="urgent-badge"' not in page and "Đã hết nguy hiểm" in page  # on the timeline


def test_an_officer_cannot_change_urgency(client, db, login_as, petition_factory):
    petition = petition_factory(category="giao-thong", priority="urgent")
    login_as("agency_officer", "SO-XD")
    url = f"/co-quan/phan-anh/{petition.code}"
    response = form_post(client, url + "/khan-cap", {"priority-priority": "normal",
                                                     "priority-version": str(petition.version)}, page_url=url)
    assert response.status_code == 403
    assert db.session.get(Petition, petition.id).priority == "urgent"


def test_the_inbox_shows_urgent_items_in_words_and_filters_them(client, login_as, petition_factory):
    urgent = petition_factory(category="giao-thong", priority="urgent")
    normal = petition_factory(category="giao-thong")
    login_as("agency_officer", "SO-XD")
    page = client.get("/co-quan/").get_data(as_text=True)
    row = re.search(rf"<tr>\s*<td[^>]*><a[^>]*>{urgent.code}</a>(.*?)</tr>", page, re.S).group(1)
    assert ">Khẩn<" in row and calendar.local_time(urgent.due_at).strftime("%H:%M %d/%m/%Y") in row
    assert page.index(urgent.code) < page.index(normal.code)  # due sooner, listed first
    filtered = client.get("/co-quan/?priority=urgent").get_data(as_text=True)
    assert urgent.code in filtered and normal.code not in filtered


def test_triage_shows_urgent_items(client, login_as, petition_factory):
    waiting = petition_factory(category="giao-thong", priority="urgent", triage=True)
    login_as("coordinator")
    page = client.get("/co-quan/dieu-phoi").get_data(as_text=True)
    assert re.search(rf"{waiting.code} <span class=\"badge bad urgent\">Khẩn</span>", page)


def test_the_tracking_json_gives_priority_and_due_at_on_vietnams_clock(client, petition_factory):
    petition = petition_factory(category="giao-thong", priority="urgent")
    body = client.get(f"/api/v1/petitions/{petition.code}", headers={"X-Tracking-Secret": petition.plain_secret}).json
    assert body["priority"] == "urgent"
    assert body["due_at"] == calendar.local_time(petition.due_at).strftime("%Y-%m-%dT%H:%M:%S") + "+07:00"
    assert body["due_date"] == body["due_at"][:10]


def test_the_committee_and_the_agency_show_the_same_hour_deadline_of_an_urgent_item(client, db, login_as,
                                                                                    petition_factory):
    petition = petition_factory(category="giao-thong", priority="urgent")
    due = re.escape(calendar.local_time(petition.due_at).strftime("%H:%M"))
    pages = {}
    for role, agency, url in (("agency_officer", "SO-XD", f"/co-quan/phan-anh/{petition.code}"),
                              ("committee", None, f"/ban-dan-van/phan-anh/{petition.code}")):
        login_as(role, agency)
        page = client.get(url).get_data(as_text=True)
        pages[role] = re.search(r'id="due-date">([^<]+)<', page).group(1)
        assert re.search(due, pages[role]), (role, pages[role])
        assert 'id="ack-due"' in page
    assert pages["agency_officer"] == pages["committee"]

"""The public calendar of reception days and dialogues, its iCalendar feed, and a question sent before a session."""
from datetime import date, timedelta

import icalendar

from portal.domain import dialogue as dialogues
from portal.domain import leaders
from portal.models import Petition
from portal.models.base import utcnow
from tests.conftest import form_post


def planned(db, *, level="commune", kind="dialogue", days=5, group="", topics="Việc làm; vốn vay, khởi nghiệp",
            venue="Nhà văn hoá thôn 3, xã Hoà Vang"):
    place = "20275" if level == "commune" else "48"
    office = leaders.create_office(db.session, title="Chủ tịch UBND xã" if level == "commune" else "Bí thư Tỉnh ủy",
                                   level=level, place_code=place, holder_name=f"Lãnh đạo {level}",
                                   starts_on=date(2025, 1, 1))
    start = utcnow().replace(microsecond=0, second=0) + timedelta(days=days)
    item = dialogues.create_session(db.session, held_at=start, venue=venue, participants=0, topics=topics,
                                    conclusion_days=3, kind=kind, office=office, target_group=group)
    db.session.commit()
    return item


def test_the_calendar_lists_upcoming_sessions_in_vietnam_time_and_filters_them(client, db):
    youth = planned(db, group="thanh-nien")
    province = planned(db, level="province", kind="reception", days=8)
    page = client.get("/lich-tiep-dan").get_data(as_text=True)
    assert f'id="session-{youth.id}"' in page and f'id="session-{province.id}"' in page
    local = youth.held_at + timedelta(hours=7)
    assert local.strftime("%H:%M %d/%m/%Y") in page and "Thanh niên" in page
    assert page.index(f"session-{youth.id}") < page.index(f"session-{province.id}")  # soonest first
    only_province = client.get("/lich-tiep-dan?cap=province").get_data(as_text=True)
    assert f"session-{province.id}" in only_province and f"session-{youth.id}" not in only_province
    only_youth = client.get("/lich-tiep-dan?nhom=thanh-nien").get_data(as_text=True)
    assert f"session-{youth.id}" in only_youth and f"session-{province.id}" not in only_youth
    # An unknown filter is ignored, never an error.
    assert client.get("/lich-tiep-dan?cap=x&nhom=%00").status_code == 200


def test_held_sessions_leave_the_calendar(client, db):
    item = planned(db, days=-1)
    assert f"session-{item.id}" not in client.get("/lich-tiep-dan").get_data(as_text=True)


def test_the_ics_feed_parses_with_stable_uids_utc_times_and_escaped_text(client, db):
    item = planned(db, group="phu-nu")
    response = client.get("/lich-tiep-dan.ics")
    assert response.status_code == 200 and response.mimetype == "text/calendar"
    raw = response.get_data()
    assert b"\r\n" in raw and all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    [event] = calendar.walk("VEVENT")
    assert str(event["UID"]).startswith(f"dialogue-session-{item.id}@")
    assert event.decoded("DTSTART").replace(tzinfo=None) == item.held_at
    assert event.decoded("DTSTART").utcoffset() == timedelta(0)
    assert str(event["LOCATION"]) == "Nhà văn hoá thôn 3, xã Hoà Vang"  # the comma came back unescaped
    assert "Việc làm; vốn vay, khởi nghiệp" in str(event["DESCRIPTION"]) and "Phụ nữ" in str(event["DESCRIPTION"])
    assert client.get("/lich-tiep-dan.ics").get_data() == raw  # same UID, same bytes on the next read


def test_a_question_sent_from_the_calendar_is_a_routed_dialogue_petition(client, db):
    item = planned(db)
    url = f"/lich-tiep-dan/{item.id}/cau-hoi"
    response = form_post(client, url, {"content": "Thanh niên thôn 3 cần vay vốn khởi nghiệp, xin hỏi thủ tục ở đâu?",
                                       "ward_code": "", "consent_public": "y"})
    assert response.status_code == 302 and response.location.endswith("/da-gui")
    petition = db.session.query(Petition).one()
    assert (petition.channel, petition.dialogue_session_id) == ("dialogue", item.id)
    # Classified at once: routed to an agency, or (an unclear text) waiting in the coordinator's triage.
    assert petition.intake_step is None and (petition.status == "assigned" or petition.needs_triage)
    assert petition.code in client.get("/da-gui").get_data(as_text=True)


def test_a_short_question_is_refused_in_the_users_language(client, db):
    item = planned(db)
    response = form_post(client, f"/lich-tiep-dan/{item.id}/cau-hoi", {"content": "ngắn"})
    assert response.status_code == 422 and "Nội dung cần từ 20" in response.get_data(as_text=True)
    assert db.session.query(Petition).count() == 0


def test_no_question_form_for_a_held_or_unknown_session(client, db):
    item = planned(db, days=-1)
    dialogues.mark_held(item)
    db.session.commit()
    assert client.get(f"/lich-tiep-dan/{item.id}/cau-hoi").status_code == 404
    assert client.get("/lich-tiep-dan/999999/cau-hoi").status_code == 404


def test_a_question_after_the_start_is_a_409_sentence_not_a_petition(client, db):
    item = planned(db)
    page = client.get(f"/lich-tiep-dan/{item.id}/cau-hoi")
    item.held_at = utcnow() - timedelta(minutes=5)
    db.session.commit()
    from tests.conftest import csrf_token
    response = client.post(f"/lich-tiep-dan/{item.id}/cau-hoi", data={
        "csrf_token": csrf_token(page.get_data(as_text=True)),
        "content": "Thanh niên thôn 3 cần vay vốn khởi nghiệp, xin hỏi thủ tục ở đâu?"})
    assert response.status_code == 422 and "đã diễn ra" in response.get_data(as_text=True)
    assert db.session.query(Petition).count() == 0


def test_the_secretary_plans_a_session_for_an_office_and_it_reaches_the_calendar(client, db, login_as):
    office = leaders.create_office(db.session, title="Bí thư Đảng ủy xã", level="commune", place_code="20275",
                                   holder_name="Phạm Văn Xã", starts_on=date(2025, 1, 1))
    db.session.commit()
    login_as("secretariat")
    start = (utcnow() + timedelta(days=3, hours=7)).strftime("%Y-%m-%dT09:00")
    response = form_post(client, "/doi-thoai/", {"kind": "reception", "office": str(office.id), "leader_name": "",
                                                 "leader_office": "", "level": "province", "held_at": start,
                                                 "target_group": "nong-dan", "venue": "Trụ sở Đảng ủy xã",
                                                 "participants": "0", "topics": "Đất nông nghiệp"})
    assert response.status_code == 302
    calendar = client.get("/lich-tiep-dan").get_data(as_text=True)
    assert "Tiếp công dân định kỳ: Phạm Văn Xã" in calendar and "Nông dân" in calendar
    assert "09:00" in calendar


def test_the_session_sheet_lists_each_question_with_its_agency_and_prepared_answer(client, db, login_as):
    from portal.models import Answer

    item = planned(db)
    form_post(client, f"/lich-tiep-dan/{item.id}/cau-hoi",
              {"content": "Đường giao thông nông thôn thôn 3 xuống cấp, ổ gà nhiều, khi nào được sửa chữa?"})
    petition = db.session.query(Petition).one()
    assert petition.agency is not None
    db.session.add(Answer(petition_id=petition.id, agency_id=petition.agency_id,
                          body_html="<p>Đã đưa vào kế hoạch sửa chữa quý I.</p>"))
    db.session.commit()
    login_as("secretariat")
    sheet = client.get(f"/doi-thoai/{item.id}").get_data(as_text=True)
    section = sheet[sheet.index('id="session-sheet"'):]
    assert petition.code in section and petition.agency.name in section
    assert "Đã đưa vào kế hoạch sửa chữa quý I." in section and "Dự thảo" in section


def test_the_hotline_registers_a_callers_question_for_a_session(client, db, login_as):
    item = planned(db)
    login_as("operator")
    page = client.get("/tong-dai/").get_data(as_text=True)
    assert f'<option value="{item.id}">' in page
    response = form_post(client, "/tong-dai/", {
        "summary": "Người gọi hỏi: đường liên thôn 3 xuống cấp, khi nào được sửa chữa, xin lãnh đạo xã trả lời.",
        "province_code": "48", "ward_code": "", "category": "", "dialogue_session": str(item.id), "checked": "1"})
    assert response.status_code == 200
    petition = db.session.query(Petition).one()
    assert (petition.dialogue_session_id, petition.channel) == (item.id, "dialogue")

"""GET /api/v1/sessions, POST /api/v1/sessions/{id}/questions and GET /api/v1/leaders/compliance."""
from datetime import date, datetime, timedelta

from portal.domain import dialogue as dialogues
from portal.models import Petition
from tests.api.conftest import bearer
from tests.api.test_petitions_api import validate
from tests.conftest import VALID_CONTENT
from tests.domain.test_leaders import commune_office, held, province_office
from tests.web.test_calendar_pages import planned


def test_planned_sessions_list_with_vietnam_time(client, db):
    item = planned(db, group="thanh-nien")
    planned(db, days=-2)  # begun: no longer upcoming
    body = validate(client.get("/api/v1/sessions?status=planned"), "/sessions", "get", 200)
    [listed] = body["sessions"]
    local = (item.held_at + timedelta(hours=7)).isoformat() + "+07:00"
    assert listed == {"id": item.id, "kind": "dialogue", "leader": "Lãnh đạo commune", "office": "Chủ tịch UBND xã",
                      "level": "commune", "starts_at": local, "place": item.venue, "target_group": "thanh-nien",
                      "target_group_name": "Thanh niên", "topics": item.topics, "status": "planned"}
    assert datetime.fromisoformat(listed["starts_at"]).utcoffset() == timedelta(hours=7)


def test_other_statuses_and_unknown_groups_are_422_in_the_users_language(client, db):
    response = client.get("/api/v1/sessions?status=held", headers={"Accept-Language": "en"})
    assert response.status_code == 422 and "status=planned" in response.get_json()["error"]["message"]
    assert client.get("/api/v1/sessions?target_group=x").status_code == 422


def test_a_question_is_a_petition_of_the_session_201(client, db):
    item = planned(db)
    response = client.post(f"/api/v1/sessions/{item.id}/questions",
                           json={"content": VALID_CONTENT, "reporter": {"name": "Lê Văn Hỏi"}})
    body = validate(response, "/sessions/{id}/questions", "post", 201)
    petition = db.session.query(Petition).filter_by(code=body["code"]).one()
    assert body["session_id"] == item.id and petition.dialogue_session_id == item.id
    assert petition.channel == "dialogue" and petition.intake_step is None


def test_a_held_or_concluded_session_is_409_and_an_unknown_one_404(client, db):
    item = planned(db, days=-1)
    dialogues.mark_held(item)
    db.session.commit()
    response = client.post(f"/api/v1/sessions/{item.id}/questions", json={"content": VALID_CONTENT})
    assert validate(response, "/sessions/{id}/questions", "post", 409)["error"]["message"].startswith("Buổi này đã")
    english = client.post(f"/api/v1/sessions/{item.id}/questions", json={"content": VALID_CONTENT},
                          headers={"Accept-Language": "en"})
    assert "already taken place" in english.get_json()["error"]["message"]
    assert client.post("/api/v1/sessions/999999/questions", json={"content": VALID_CONTENT}).status_code == 404
    assert db.session.query(Petition).count() == 0


def test_a_question_takes_no_channel(client, db):
    item = planned(db)
    response = client.post(f"/api/v1/sessions/{item.id}/questions", json={"content": VALID_CONTENT, "channel": "web"})
    assert response.status_code == 422


def test_compliance_needs_a_committee_key_and_equals_the_count(client, db, api_key):
    province, commune = province_office(db), commune_office(db)
    held(db, province, date(2026, 10, 6))
    held(db, commune, date(2026, 10, 7), conclude_after_days=1)
    db.session.commit()
    assert client.get("/api/v1/leaders/compliance?from=2026-10-01&to=2026-10-31").status_code == 401
    officer = bearer(api_key("agency_officer", "SO-XD"))
    assert client.get("/api/v1/leaders/compliance?from=2026-10-01&to=2026-10-31", headers=officer).status_code == 403
    response = client.get("/api/v1/leaders/compliance?from=2026-10-01&to=2026-10-31",
                          headers=bearer(api_key("committee")))
    rows = {row["level"]: row for row in validate(response, "/leaders/compliance", "get", 200)["leaders"]}
    assert rows["province"]["required"] == {"reception": 1, "dialogue": 0} and rows["province"]["compliant"]
    assert rows["province"]["name"] == "Nguyễn Văn Tỉnh" and rows["province"]["place"] == "Thành phố Đà Nẵng"
    assert rows["commune"]["held"] == {"reception": 1, "dialogue": 0} and not rows["commune"]["compliant"]
    assert rows["commune"]["conclusions_on_time"] == 1


def test_compliance_counts_the_petitions_raised_at_a_leaders_sessions_answered_on_time(client, db, api_key):
    from portal.domain.intake import route_pending
    from portal.domain.petitions import PetitionDraft
    from tests.domain.test_leaders import answer

    commune = commune_office(db)
    item = held(db, commune, date(2026, 10, 7))
    ids = [dialogues.record_petition(db.session, item, PetitionDraft(
        content=f"{VALID_CONTENT} Ý kiến {n}.", category_code="giao-thong")).petition_id for n in range(3)]
    db.session.commit()
    route_pending(db.session)
    answer(db, db.session.get(Petition, ids[0]), late=False)
    answer(db, db.session.get(Petition, ids[1]), late=True)
    response = client.get("/api/v1/leaders/compliance?from=2026-10-01&to=2026-10-31",
                          headers=bearer(api_key("committee")))
    [row] = validate(response, "/leaders/compliance", "get", 200)["leaders"]
    assert row["answered_on_time"] == {"total": 3, "answered": 2, "on_time": 1}
    assert set(row) >= {"name", "office", "level", "place", "required", "held", "conclusions_on_time", "compliant"}

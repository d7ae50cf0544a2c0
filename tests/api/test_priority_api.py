"""Priority on API intake: an operator's or coordinator's key may send a petition marked urgent ("priority":
"urgent"), recorded on the timeline as theirs; a sender (no key, an integration or an agency key) cannot declare
urgency (403); a value off the list is a 422 in the user's language; without the field the classifier decides."""
import pytest

from portal.domain import calendar
from portal.models import Petition, PetitionEvent
from tests.api.conftest import bearer
from tests.api.test_petitions_api import validate
from tests.conftest import VALID_CONTENT

PLACE = {"province_code": "48", "ward_code": "20257"}


def send(client, key: str | None = None, **fields):
    body = {"content": VALID_CONTENT, "category": "giao-thong", "location": PLACE, **fields}
    return client.post("/api/v1/petitions", json=body, headers=bearer(key) if key else {})


@pytest.mark.parametrize("role, channel", [("operator", "hotline"), ("coordinator", "web")])
def test_an_operator_or_coordinator_key_marks_a_petition_urgent_at_intake(client, db, api_key, role, channel):
    receipt = validate(send(client, api_key(role), channel=channel, priority="urgent"), "/petitions", "post", 201)
    petition = db.session.query(Petition).filter_by(code=receipt["code"]).one()
    assert petition.priority == receipt["priority"] == "urgent"
    due_at = calendar.add_working_hours(petition.created_at, 8, calendar.load_overrides(db.session))
    assert petition.due_at == due_at and receipt["due_at"] == calendar.local_isoformat(due_at)
    assert receipt["due_at"].endswith("+07:00") and receipt["due_date"] == receipt["due_at"][:10]
    received = db.session.query(PetitionEvent).filter_by(petition_id=petition.id, to_status="received").one()
    assert "Đánh dấu khẩn cấp" in received.note and received.actor_label.startswith(f"API: {role}-")


@pytest.mark.parametrize("role", [None, "integration", "agency_officer", "agency_head", "committee"])
def test_a_sender_or_another_key_cannot_declare_urgency(client, db, api_key, role):
    key = api_key(role, "SO-XD" if role and role.startswith("agency") else None) if role else None
    response = send(client, key, priority="urgent")
    body = validate(response, "/petitions", "post", 403)
    assert "khẩn cấp" in body["error"]["message"]
    english = client.post("/api/v1/petitions", json={"content": VALID_CONTENT, "priority": "urgent"},
                          headers={"Accept-Language": "en", **(bearer(key) if key else {})})
    assert english.status_code == 403 and "urgent" in english.get_json()["error"]["message"]
    assert db.session.query(Petition).count() == 0


def test_normal_from_anyone_is_the_same_as_leaving_it_out(client, db):
    receipt = validate(send(client, priority="normal"), "/petitions", "post", 201)
    assert receipt["priority"] == "normal" and receipt["due_at"].endswith("17:00:00+07:00")
    received = db.session.query(PetitionEvent).filter_by(to_status="received").one()
    assert "khẩn cấp" not in received.note


@pytest.mark.parametrize("value", ["high", "URGENT", "", 1, True, ["urgent"], {"level": "urgent"}])
def test_a_priority_off_the_list_is_a_422_in_the_users_language(client, db, api_key, value):
    operator = api_key("operator")
    response = send(client, operator, channel="hotline", priority=value)
    body = validate(response, "/petitions", "post", 422)
    assert "priority" in body["error"]["message"] and "ư" in body["error"]["message"]  # Vietnamese by default
    assert send(client, None, priority=value).status_code == 422  # the value is checked before who sends it
    english = client.post("/api/v1/petitions", headers={"Accept-Language": "en", **bearer(operator)},
                          json={"content": VALID_CONTENT, "channel": "hotline", "priority": value})
    assert english.status_code == 422 and "priority" in english.get_json()["error"]["message"]
    assert db.session.query(Petition).count() == 0


def test_without_a_priority_the_classifier_decides_as_before(client, db, monkeypatch):
    import portal.text.classify as classify_module

    monkeypatch.setattr(classify_module, "classify", lambda text: {
        "category": "giao-thong", "confidence": 0.9, "alternatives": [], "urgent": True, "urgency_confidence": 0.8})
    receipt = validate(send(client, category=""), "/petitions", "post", 201)
    petition = db.session.query(Petition).filter_by(code=receipt["code"]).one()
    assert petition.priority == receipt["priority"] == "urgent"
    marked = db.session.query(PetitionEvent).filter_by(petition_id=petition.id, kind="priority").one()
    assert marked.actor_id is None and "Bộ phân loại" in marked.note


def test_questions_for_a_session_take_no_priority(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert "priority" in spec["components"]["schemas"]["NewPetition"]["properties"]
    assert "priority" not in spec["components"]["schemas"]["NewQuestion"]["properties"]

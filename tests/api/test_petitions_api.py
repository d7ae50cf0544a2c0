import json

import pytest
from jsonschema import Draft202012Validator

from portal.api.openapi import openapi_spec
from portal.models import Petition, PetitionEvent
from tests.api.conftest import bearer
from tests.conftest import VALID_CONTENT


def validate(response, path: str, method: str, status: int):
    """Check a live response against the OpenAPI document."""
    spec = openapi_spec()
    assert response.status_code == status, response.get_data(as_text=True)
    schema = spec["paths"][path][method]["responses"][str(status)]["content"]["application/json"]["schema"]
    document = {**schema, "components": spec["components"]}
    Draft202012Validator(document).validate(response.get_json())
    return response.get_json()


def new_petition(client, **extra):
    body = {"content": VALID_CONTENT, "category": "giao-thong",
            "location": {"province_code": "48", "ward_code": "20257", "address": "Kiệt 42"}, **extra}
    return client.post("/api/v1/petitions", json=body)


def test_create_then_track_with_the_secret(client):
    receipt = validate(new_petition(client), "/petitions", "post", 201)
    assert receipt["status"] == "assigned" and receipt["agency"] == "SO-XD" and receipt["category"] == "giao-thong"
    tracked = client.get(f"/api/v1/petitions/{receipt['code']}", headers={"X-Tracking-Secret": receipt["secret"]})
    body = validate(tracked, "/petitions/{code}", "get", 200)
    assert [e["status"] for e in body["events"]] == ["received", "assigned"]
    assert body["answer"] is None


def test_wrong_or_missing_secret_is_exactly_like_an_unknown_code(client):
    receipt = new_petition(client).get_json()
    wrong = client.get(f"/api/v1/petitions/{receipt['code']}", headers={"X-Tracking-Secret": "WRONG"})
    missing = client.get(f"/api/v1/petitions/{receipt['code']}")
    unknown = client.get("/api/v1/petitions/PA-2026-999999", headers={"X-Tracking-Secret": receipt["secret"]})
    assert wrong.status_code == missing.status_code == unknown.status_code == 404
    assert wrong.get_json() == missing.get_json() == unknown.get_json()
    validate(wrong, "/petitions/{code}", "get", 404)


def test_idempotency_key_returns_the_same_petition(client, db):
    headers = {"Idempotency-Key": "retry-123"}
    body = {"content": VALID_CONTENT}
    first = client.post("/api/v1/petitions", json=body, headers=headers).get_json()
    second = client.post("/api/v1/petitions", json=body, headers=headers)
    assert second.status_code == 201 and second.get_json() == first
    assert db.session.query(Petition).count() == 1
    other_body = client.post("/api/v1/petitions", json={"content": VALID_CONTENT + " Thêm."}, headers=headers)
    assert other_body.status_code == 409 and other_body.get_json()["error"]["code"] == "idempotency_mismatch"


@pytest.mark.parametrize("payload, status, code", [
    ('{"content": ', 400, "malformed_json"),
    ('[1, 2]', 422, "validation_failed"),
    ('{"content": 12345678901234567890123}', 422, "validation_failed"),
    ('{"content": "ngắn"}', 422, "validation_failed"),
    ('{"content": "%s", "category": "khong-co"}' % VALID_CONTENT, 422, "validation_failed"),
    ('{"content": "%s", "location": {"province_code": "48", "ward_code": "00070"}}' % VALID_CONTENT, 422,
     "validation_failed"),
    ('{"content": "%s", "public": "yes"}' % VALID_CONTENT, 422, "validation_failed"),
    ('{"content": "%s", "location": {"lat": "16.0"}}' % VALID_CONTENT, 422, "validation_failed"),
    ('{"content": "%s", "unknown": 1}' % VALID_CONTENT, 422, "validation_failed"),
    ('{"content": "%s", "reporter": {"phone": "123"}}' % VALID_CONTENT, 422, "validation_failed"),
])
def test_bad_input_gets_a_clear_json_error_and_nothing_is_stored(client, db, payload, status, code):
    response = client.post("/api/v1/petitions", data=payload, content_type="application/json")
    assert response.status_code == status
    assert response.get_json()["error"]["code"] == code
    assert response.get_json()["error"]["message"]
    assert db.session.query(Petition).count() == 0


def test_nul_bytes_are_stripped_not_stored(client, db):
    response = client.post("/api/v1/petitions", json={"content": VALID_CONTENT + "\u0000\u0000"})
    assert response.status_code == 201
    assert "\x00" not in db.session.query(Petition).one().content


def test_oversized_body_is_refused_with_json(client, db):
    response = client.post("/api/v1/petitions", data=json.dumps({"content": "x" * 200_000}),
                           content_type="application/json")
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "payload_too_large"
    assert db.session.query(Petition).count() == 0


def test_not_json_is_refused(client):
    response = client.post("/api/v1/petitions", data="content=hello", content_type="application/x-www-form-urlencoded")
    assert response.status_code == 422
    assert response.get_json()["error"]["code"] == "unsupported_media_type"


def test_messages_are_vietnamese_by_default_and_english_on_request(client):
    vi = client.post("/api/v1/petitions", json={"content": "ngắn"}).get_json()["error"]["message"]
    en = client.post("/api/v1/petitions", json={"content": "ngắn"}, headers={"Accept-Language": "en"})
    assert "ký tự" in vi
    assert "characters" in en.get_json()["error"]["message"]


def test_unknown_api_route_is_json_not_html(client):
    response = client.get("/api/v1/khong-co")
    assert response.status_code == 404 and response.get_json()["error"]["code"] == "not_found"
    injection = client.get("/api/v1/petitions/' OR 1=1 --", headers={"X-Tracking-Secret": "x"})
    assert injection.status_code == 404 and injection.is_json


def test_hotline_channel_needs_an_operator_key(client, api_key):
    refused = client.post("/api/v1/petitions", json={"content": VALID_CONTENT, "channel": "hotline"})
    assert refused.status_code == 403
    accepted = client.post("/api/v1/petitions", json={"content": VALID_CONTENT, "channel": "hotline"},
                           headers=bearer(api_key("operator")))
    assert accepted.status_code == 201


def test_agency_key_lists_only_its_own_items(client, api_key, petition_factory):
    mine = petition_factory(category="giao-thong")  # SO-XD
    theirs = petition_factory(category="y-te")  # SO-YT
    listing = client.get("/api/v1/agency/petitions", headers=bearer(api_key("agency_officer", "SO-XD")))
    body = validate(listing, "/agency/petitions", "get", 200)
    codes = [item["code"] for item in body["items"]]
    assert mine.code in codes and theirs.code not in codes
    assert client.get("/api/v1/agency/petitions").status_code == 401


def test_missing_and_revoked_keys_are_refused(client, api_key, runner):
    key = api_key("agency_officer", "SO-XD")
    assert client.get("/api/v1/agency/petitions", headers=bearer("nonsense")).status_code == 401
    from portal.models import ApiKey
    from portal.extensions import db
    name = db.session.query(ApiKey).one().name
    assert runner.invoke(args=["api-keys", "revoke", name]).exit_code == 0
    response = client.get("/api/v1/agency/petitions", headers=bearer(key))
    assert response.status_code == 401 and response.get_json()["error"]["code"] == "unauthorized"


def test_answer_then_approve_publishes_redacted_text(client, api_key, petition_factory, db):
    petition = petition_factory(category="giao-thong")
    officer, head = api_key("agency_officer", "SO-XD"), api_key("agency_head", "SO-XD")
    answered = client.post(f"/api/v1/petitions/{petition.code}/answer", headers=bearer(officer),
                           json={"content": "<p>Đã vá ổ gà. Liên hệ anh Bình 0905 123 456 nếu còn hư hỏng.</p>"})
    assert validate(answered, "/petitions/{code}/answer", "post", 200) == {"status": "answered"}
    approved = client.post(f"/api/v1/petitions/{petition.code}/approve", headers=bearer(head))
    assert validate(approved, "/petitions/{code}/approve", "post", 200) == {"status": "published"}
    tracked = client.get(f"/api/v1/petitions/{petition.code}",
                         headers={"X-Tracking-Secret": petition.plain_secret}).get_json()
    assert "0905 123 456" not in tracked["answer"]["content"] and "[số điện thoại]" in tracked["answer"]["content"]
    assert db.session.query(PetitionEvent).filter_by(petition_id=petition.id, to_status="published").count() == 1


def test_another_agency_cannot_answer_or_read(client, api_key, petition_factory, db):
    petition = petition_factory(category="giao-thong")  # SO-XD's
    other = api_key("agency_officer", "SO-YT")
    answer = client.post(f"/api/v1/petitions/{petition.code}/answer", headers=bearer(other),
                         json={"content": "Trả lời của cơ quan khác, không được phép."})
    read = client.get(f"/api/v1/petitions/{petition.code}", headers=bearer(other))
    assert answer.status_code == read.status_code == 404
    db.session.refresh(petition)
    assert petition.status == "assigned"


def test_officer_cannot_approve(client, api_key, petition_factory):
    petition = petition_factory(category="giao-thong")
    officer = api_key("agency_officer", "SO-XD")
    client.post(f"/api/v1/petitions/{petition.code}/answer", headers=bearer(officer),
                json={"content": "Đã kiểm tra hiện trường và sửa chữa xong."})
    response = client.post(f"/api/v1/petitions/{petition.code}/approve", headers=bearer(officer))
    assert response.status_code == 403


def test_approving_twice_is_a_conflict(client, api_key, petition_factory):
    petition = petition_factory(category="giao-thong")
    officer, head = api_key("agency_officer", "SO-XD"), api_key("agency_head", "SO-XD")
    client.post(f"/api/v1/petitions/{petition.code}/answer", headers=bearer(officer),
                json={"content": "Đã kiểm tra hiện trường và sửa chữa xong."})
    assert client.post(f"/api/v1/petitions/{petition.code}/approve", headers=bearer(head)).status_code == 200
    again = client.post(f"/api/v1/petitions/{petition.code}/approve", headers=bearer(head))
    assert again.status_code in (409, 422) and again.is_json


def test_api_keys_cli_prints_the_key_alone_on_the_last_line(runner, client):
    result = runner.invoke(args=["api-keys", "create", "--name", "zalo", "--role", "integration"])
    assert result.exit_code == 0
    key = result.output.strip().splitlines()[-1]
    assert key.startswith("pk_") and " " not in key
    bad = runner.invoke(args=["api-keys", "create", "--name", "x", "--role", "agency_officer"])
    assert bad.exit_code != 0 and "--agency" in bad.output


def test_posts_are_rate_limited(client):
    statuses = [client.post("/api/v1/petitions", json={"content": "ngắn"}).status_code for _ in range(12)]
    assert statuses[-1] == 429


def test_openapi_document_is_served(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    for path in ("/petitions", "/petitions/{code}", "/agency/petitions", "/petitions/{code}/answer",
                 "/petitions/{code}/approve", "/classify", "/metrics", "/petitions/{code}/rating"):
        assert path in spec["paths"]


def test_with_an_intake_worker_the_receipt_comes_at_once_and_routing_follows(app, client, runner, monkeypatch):
    """As `make run` serves (INTAKE_ROUTING=worker): the request stores and answers; `flask intake work` routes."""
    monkeypatch.setitem(app.config, "INTAKE_ROUTING", "worker")
    chosen = validate(new_petition(client), "/petitions", "post", 201)
    assert (chosen["status"], chosen["agency"], chosen["due_date"], chosen["category"]) == \
        ("received", None, None, "giao-thong")
    unsorted = validate(client.post("/api/v1/petitions", json={"content": VALID_CONTENT}), "/petitions", "post", 201)
    assert unsorted["category"] is None  # the worker's classifier decides
    tracked = client.get(f"/api/v1/petitions/{chosen['code']}", headers={"X-Tracking-Secret": chosen["secret"]})
    assert [e["status"] for e in tracked.get_json()["events"]] == ["received"]
    assert runner.invoke(args=["intake", "status"]).output.strip() == "2 petitions waiting."

    result = runner.invoke(args=["intake", "work", "--once"])
    assert result.exit_code == 0 and "2 petitions routed." in result.output
    tracked = client.get(f"/api/v1/petitions/{chosen['code']}", headers={"X-Tracking-Secret": chosen["secret"]})
    body = tracked.get_json()
    assert [e["status"] for e in body["events"]] == ["received", "assigned"] and body["due_date"]
    assert runner.invoke(args=["intake", "status"]).output.strip() == "0 petitions waiting."


def test_a_retry_while_the_petition_waits_gets_the_same_receipt_and_later_its_agency(app, client, runner, monkeypatch):
    monkeypatch.setitem(app.config, "INTAKE_ROUTING", "worker")
    headers = {"Idempotency-Key": "storm-42"}
    first = client.post("/api/v1/petitions", json={"content": VALID_CONTENT, "category": "giao-thong"},
                        headers=headers).get_json()
    again = client.post("/api/v1/petitions", json={"content": VALID_CONTENT, "category": "giao-thong"},
                        headers=headers).get_json()
    assert (again["code"], again["secret"], again["status"]) == (first["code"], first["secret"], "received")
    runner.invoke(args=["sweep"])  # cron's sweep routes what the worker left, should it be down
    later = client.post("/api/v1/petitions", json={"content": VALID_CONTENT, "category": "giao-thong"},
                        headers=headers).get_json()
    assert (later["code"], later["status"], later["agency"]) == (first["code"], "assigned", "SO-XD")

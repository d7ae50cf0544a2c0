"""Issue 15, API side: made-up keys buy nothing, tracking secrets cannot be guessed fast, anonymous
Idempotency-Keys are each sender's own, personal answers are never cached, absurd input is a 4xx."""
import secrets

import pytest

from portal.models import Petition, RateLimitCounter
from tests.api.conftest import bearer
from tests.conftest import VALID_CONTENT


def test_a_made_up_key_is_refused_before_anything_is_counted(client, db):
    for _ in range(40):
        response = client.post("/api/v1/classify", json={"text": "Đường ngập nước"},
                               headers=bearer("pk_" + secrets.token_urlsafe(16)))
        assert response.status_code == 401 and response.get_json()["error"]["code"] == "unauthorized"
    assert db.session.query(RateLimitCounter).count() == 0


def test_a_revoked_key_is_refused_too(client, db, api_key):
    from portal.domain.api_keys import revoke_key
    from portal.models import ApiKey

    raw = api_key("integration")
    revoke_key(db.session, db.session.query(ApiKey).one().name)
    db.session.commit()
    assert client.post("/api/v1/classify", json={"text": "Đường ngập"}, headers=bearer(raw)).status_code == 401


def test_a_live_key_counts_against_its_own_limit(client, api_key):
    raw = api_key("integration")
    statuses = [client.post("/api/v1/classify", json={"text": "Đường ngập nước"}, headers=bearer(raw)).status_code
                for _ in range(11)]
    assert statuses == [200] * 10 + [429]


def test_guessing_a_tracking_secret_through_the_api_is_limited(client, petition_factory):
    petition = petition_factory()
    for _ in range(10):
        assert client.get(f"/api/v1/petitions/{petition.code}", headers={"X-Tracking-Secret": "SAI"}).status_code == 404
    stopped = client.get(f"/api/v1/petitions/{petition.code}", headers={"X-Tracking-Secret": petition.plain_secret})
    assert stopped.status_code == 429 and stopped.get_json()["error"]["code"] == "rate_limited"
    english = client.get(f"/api/v1/petitions/{petition.code}", headers={"X-Tracking-Secret": petition.plain_secret,
                                                                           "Accept-Language": "en"})
    assert english.get_json()["error"]["message"].startswith("Too many requests")


def test_wrong_secret_ratings_count_as_guesses_and_made_up_keys_are_refused(client, petition_factory):
    petition = petition_factory()
    body = {"secret": "SAI", "scores": {}, "resolved": True}
    assert client.post(f"/api/v1/petitions/{petition.code}/rating", json=body,
                       headers=bearer("pk_made-up")).status_code == 401
    statuses = [client.post(f"/api/v1/petitions/{petition.code}/rating", json=body,
                            environ_base={"REMOTE_ADDR": f"10.0.0.{n}"}).status_code for n in range(31)]
    assert statuses[:30] == [404] * 30 and statuses[30] == 429  # per code, from thirty addresses


def new_petition(client, address: str, content: str = VALID_CONTENT):
    return client.post("/api/v1/petitions", json={"content": content}, headers={"Idempotency-Key": "order-1"},
                       environ_base={"REMOTE_ADDR": address})


def test_anonymous_idempotency_keys_belong_to_their_sender(client, db):
    mine = new_petition(client, "10.0.0.1")
    theirs = new_petition(client, "10.0.0.2")
    assert mine.status_code == theirs.status_code == 201
    assert mine.get_json()["code"] != theirs.get_json()["code"]
    assert mine.get_json()["secret"] != theirs.get_json()["secret"]
    assert new_petition(client, "10.0.0.1").get_json() == mine.get_json()  # my retry is still mine
    other_body = new_petition(client, "10.0.0.3", VALID_CONTENT + " Khác.")
    assert other_body.status_code == 201
    assert db.session.query(Petition).count() == 3


def test_answers_with_personal_data_are_never_cached(client, petition_factory, api_key):
    petition = petition_factory()
    created = client.post("/api/v1/petitions", json={"content": VALID_CONTENT})
    tracked = client.get(f"/api/v1/petitions/{petition.code}", headers={"X-Tracking-Secret": petition.plain_secret})
    listed = client.get("/api/v1/agency/petitions", headers=bearer(api_key("agency_officer", "SO-XD")))
    assert created.headers["Cache-Control"] == tracked.headers["Cache-Control"] == "no-store"
    assert listed.headers["Cache-Control"] == "no-store"
    public = client.get("/api/v1/metrics?from=2026-01-01&to=2026-01-31")
    assert "no-store" not in public.headers.get("Cache-Control", "")


def test_a_head_key_cannot_approve_what_it_answered(client, api_key, petition_factory):
    petition = petition_factory(category="giao-thong")
    head = api_key("agency_head", "SO-XD")
    client.post(f"/api/v1/petitions/{petition.code}/answer", headers=bearer(head),
                json={"content": "<p>Đã kiểm tra hiện trường và sửa chữa xong.</p>"})
    refused = client.post(f"/api/v1/petitions/{petition.code}/approve", headers=bearer(head))
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "four_eyes"


@pytest.mark.parametrize("url", [
    "/api/v1/agency/petitions?page=9223372036854775807",
    "/api/v1/agency/petitions?page=99999999999999999999999",
    "/api/v1/agency/petitions?per_page=-1",
    "/api/v1/metrics?from=9999-01-01&to=9999-12-31",
    "/api/v1/metrics?from=0001-01-01&to=0001-12-31",
    "/open311/v2/requests.json?start_date=9999-12-31T23:59:59-23:59",
    "/open311/v2/requests.json?end_date=0001-01-01T00:00:00%2B23:59",
    "/open311/v2/requests.json?page=99999999999999999999",
    "/open311/v2/requests.json?page=%C2%B2",
])
def test_absurd_numbers_and_dates_are_a_clear_4xx(client, api_key, url):
    response = client.get(url, headers=bearer(api_key("agency_officer", "SO-XD")) if "agency" in url else {})
    assert 400 <= response.status_code < 500, response.get_data(as_text=True)[:300]
    assert response.is_json


def test_json_nested_thirty_thousand_deep_is_a_400(client):
    body = "[" * 30_000 + "]" * 30_000
    response = client.post("/api/v1/classify", data=body, content_type="application/json")
    assert response.status_code == 400 and response.get_json()["error"]["code"] == "malformed_json"


def test_staff_keys_reading_their_scope_guess_nothing(client, api_key, petition_factory):
    petition, officer = petition_factory(category="giao-thong"), api_key("agency_officer", "SO-YT")
    statuses = [client.get(f"/api/v1/petitions/{petition.code}", headers=bearer(officer)).status_code
                for _ in range(12)]
    assert statuses == [404] * 12  # another agency's item: not found, and not a guess either

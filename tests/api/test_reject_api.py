"""POST /api/v1/petitions/{code}/reject: a coordinator's key rejects; an agency head's key sends a proposal back to
the coordinator; a reason off the list is a 422, any other key a 403; the sender reads the rejection in the JSON."""
from portal.domain.calendar import local_today
from tests.api.conftest import bearer
from tests.api.test_petitions_api import validate

NOTE = "Phản ánh trùng với phản ánh PA-2026-000001 đã được tiếp nhận và đang xử lý."


def test_a_coordinator_key_rejects_and_the_sender_reads_it(client, petition_factory, api_key):
    petition = petition_factory()
    response = client.post(f"/api/v1/petitions/{petition.code}/reject", json={"reason": "duplicate", "note": NOTE},
                           headers=bearer(api_key("coordinator")))
    assert validate(response, "/petitions/{code}/reject", "post", 200) == {"status": "rejected"}
    tracked = client.get(f"/api/v1/petitions/{petition.code}", headers={"X-Tracking-Secret": petition.plain_secret})
    body = validate(tracked, "/petitions/{code}", "get", 200)
    assert body["status"] == "rejected"
    assert body["rejection"] == {"reason": "duplicate", "reason_label": "Trùng với phản ánh đã gửi", "note": NOTE}
    english = client.get(f"/api/v1/petitions/{petition.code}",
                         headers={"X-Tracking-Secret": petition.plain_secret, "Accept-Language": "en"})
    assert english.json["rejection"]["reason_label"] == "A duplicate of a petition already sent"


def test_an_agency_head_key_sends_the_rejection_back_to_the_coordinator(client, petition_factory, api_key):
    petition = petition_factory()
    response = client.post(f"/api/v1/petitions/{petition.code}/reject", json={"reason": "out_of_scope", "note": NOTE},
                           headers=bearer(api_key("agency_head", "SO-XD")))
    assert validate(response, "/petitions/{code}/reject", "post", 200) == {"status": "returned"}
    tracked = client.get(f"/api/v1/petitions/{petition.code}", headers={"X-Tracking-Secret": petition.plain_secret})
    assert tracked.json["status"] == "returned" and tracked.json["rejection"] is None


def test_a_reason_off_the_list_is_422_in_the_callers_language(client, petition_factory, api_key):
    petition = petition_factory()
    response = client.post(f"/api/v1/petitions/{petition.code}/reject", json={"reason": "boring", "note": NOTE},
                           headers={**bearer(api_key("coordinator")), "Accept-Language": "en"})
    validate(response, "/petitions/{code}/reject", "post", 422)
    assert "Choose a reason" in response.json["error"]["message"]
    short = client.post(f"/api/v1/petitions/{petition.code}/reject", json={"reason": "spam", "note": "x"},
                        headers=bearer(api_key("coordinator")))
    validate(short, "/petitions/{code}/reject", "post", 422)
    wrong_type = client.post(f"/api/v1/petitions/{petition.code}/reject", json={"reason": 3, "note": NOTE},
                             headers=bearer(api_key("coordinator")))
    assert wrong_type.status_code == 422


def test_other_keys_may_not_reject(client, petition_factory, api_key):
    petition = petition_factory()
    body = {"reason": "spam", "note": NOTE}
    officer = client.post(f"/api/v1/petitions/{petition.code}/reject", json=body,
                          headers=bearer(api_key("agency_officer", "SO-XD")))
    validate(officer, "/petitions/{code}/reject", "post", 403)
    other_agency = client.post(f"/api/v1/petitions/{petition.code}/reject", json=body,
                               headers=bearer(api_key("agency_head", "SO-YT")))
    validate(other_agency, "/petitions/{code}/reject", "post", 404)
    anonymous = client.post(f"/api/v1/petitions/{petition.code}/reject", json=body)
    validate(anonymous, "/petitions/{code}/reject", "post", 401)


def test_an_answered_petition_is_a_409(client, db, petition_factory, api_key, make_user):
    from portal.domain import workflow

    petition = petition_factory()
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"),
                           "<p>Đơn vị đã vá xong ổ gà trên đường.</p>")
    db.session.commit()
    response = client.post(f"/api/v1/petitions/{petition.code}/reject", json={"reason": "spam", "note": NOTE},
                           headers=bearer(api_key("coordinator")))
    validate(response, "/petitions/{code}/reject", "post", 409)


def test_metrics_carry_the_rejections(client, petition_factory, api_key):
    petition = petition_factory()
    client.post(f"/api/v1/petitions/{petition.code}/reject", json={"reason": "spam", "note": NOTE},
                headers=bearer(api_key("coordinator")))
    today = local_today().isoformat()
    body = validate(client.get(f"/api/v1/metrics?from={today}&to={today}"), "/metrics", "get", 200)
    so_xd = next(a for a in body["agencies"] if a["code"] == "SO-XD")
    assert (so_xd["received"], so_xd["rejected"], so_xd["response_rate"]) == (1, 1, None)
    assert body["overall"]["rejected"] == 1


def test_metrics_count_rejections_per_reason_adding_up_to_rejected(client, petition_factory, api_key):
    coordinator, head = bearer(api_key("coordinator")), bearer(api_key("agency_head", "SO-XD"))
    proposed, waiting = petition_factory(), petition_factory(triage=True)
    reject = lambda petition, reason, key: client.post(  # noqa: E731
        f"/api/v1/petitions/{petition.code}/reject", json={"reason": reason, "note": NOTE}, headers=key).get_json()
    assert reject(proposed, "out_of_scope", head) == {"status": "returned"}
    assert reject(proposed, "duplicate", coordinator) == {"status": "rejected"}  # confirmed under its own reason
    assert reject(waiting, "spam", coordinator) == {"status": "rejected"}
    tracked = client.get(f"/api/v1/petitions/{proposed.code}", headers={"X-Tracking-Secret": proposed.plain_secret})
    assert tracked.get_json()["rejection"]["reason"] == "duplicate"  # the sender reads the reason confirmed
    today = local_today().isoformat()
    body = validate(client.get(f"/api/v1/metrics?from={today}&to={today}"), "/metrics", "get", 200)
    so_xd = next(a for a in body["agencies"] if a["code"] == "SO-XD")
    none = dict.fromkeys(("spam", "duplicate", "out_of_scope", "abusive", "insufficient_information"), 0)
    assert so_xd["rejected_by_reason"] == {**none, "duplicate": 1} and so_xd["rejected"] == 1
    assert body["overall"]["rejected_by_reason"] == {**none, "duplicate": 1, "spam": 1}
    for row in (*body["agencies"], body["overall"]):
        assert sum(row["rejected_by_reason"].values()) == row["rejected"]

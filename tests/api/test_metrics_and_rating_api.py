from portal.domain.calendar import local_today
from portal.domain import workflow
from tests.api.test_petitions_api import validate

SCORES = {"access": 5, "procedure": 4, "staff": 3, "result": 5, "feedback": 4}


def published(db, petition_factory, make_user):
    petition = petition_factory(category="giao-thong")
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), "<p>Đã vá xong ổ gà trên đường.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    return petition


def test_rating_a_published_answer(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    body = {"secret": petition.plain_secret, "scores": SCORES, "resolved": True, "comment": "Cảm ơn"}
    response = client.post(f"/api/v1/petitions/{petition.code}/rating", json=body)
    assert response.status_code == 201
    second = client.post(f"/api/v1/petitions/{petition.code}/rating", json=body)
    assert second.status_code == 409 and second.get_json()["error"]["code"] == "already_rated"


def test_rating_with_a_wrong_secret_is_404_and_before_publication_409(client, petition_factory):
    petition = petition_factory()
    wrong = client.post(f"/api/v1/petitions/{petition.code}/rating",
                        json={"secret": "WRONG", "scores": SCORES, "resolved": True})
    early = client.post(f"/api/v1/petitions/{petition.code}/rating",
                        json={"secret": petition.plain_secret, "scores": SCORES, "resolved": True})
    assert wrong.status_code == 404
    assert early.status_code == 409 and early.get_json()["error"]["code"] == "not_published"


def test_rating_scores_out_of_range_are_refused(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    response = client.post(f"/api/v1/petitions/{petition.code}/rating",
                           json={"secret": petition.plain_secret, "scores": {**SCORES, "staff": 6}, "resolved": True})
    assert response.status_code == 422


def test_metrics_answer_matches_the_document(client, db, petition_factory, make_user):
    published(db, petition_factory, make_user)
    today = local_today().isoformat()
    response = client.get(f"/api/v1/metrics?from={today[:8]}01&to={today}")
    body = validate(response, "/metrics", "get", 200)
    so_xd = next(a for a in body["agencies"] if a["code"] == "SO-XD")
    assert so_xd["received"] == 1 and so_xd["answered"] == 1 and so_xd["on_time"] == 1
    assert so_xd["response_rate"] == 100.0 and so_xd["on_time_rate"] == 100.0
    assert so_xd["satisfaction_index"] is None  # fewer ratings than the minimum sample


def test_metrics_needs_a_valid_period(client):
    assert client.get("/api/v1/metrics?from=2026-13-01&to=2026-01-01").status_code == 422
    assert client.get("/api/v1/metrics").status_code == 422


def test_classify_answers_category_agency_and_alternatives(client):
    response = client.post("/api/v1/classify", json={"text": "duong bi ngap sau khi mua, cong thoat nuoc bi tac"})
    body = validate(response, "/classify", "post", 200)
    assert body["category"] == "ha-tang-do-thi" and body["agency"] == "SO-XD"
    assert len(body["alternatives"]) == 3
    assert client.post("/api/v1/classify", json={"text": "   "}).status_code == 422
    assert client.post("/api/v1/classify", json={"text": 3}).status_code == 422

"""The rating endpoint says where a "not resolved" sent the petition, and the metrics carry the reopenings."""
from portal.domain import workflow
from portal.domain.calendar import local_today
from tests.api.test_petitions_api import validate

SCORES = {"access": 2, "procedure": 2, "staff": 3, "result": 1, "feedback": 2}


def published(db, petition_factory, make_user):
    petition = petition_factory(category="giao-thong")
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"),
                           "<p>Đã vá xong ổ gà trên đường.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    return petition


def test_rating_not_resolved_answers_with_the_reopened_status(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    response = client.post(f"/api/v1/petitions/{petition.code}/rating",
                           json={"secret": petition.plain_secret, "scores": SCORES, "resolved": False,
                                 "comment": "Ổ gà vẫn còn."})
    body = validate(response, "/petitions/{code}/rating", "post", 201)
    assert body["status"] == "reopened" and body["resolved"] is False


def test_rating_resolved_answers_with_the_status_unchanged(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    response = client.post(f"/api/v1/petitions/{petition.code}/rating",
                           json={"secret": petition.plain_secret, "scores": SCORES, "resolved": True})
    assert validate(response, "/petitions/{code}/rating", "post", 201)["status"] == "published"


def test_metrics_carry_reopened_and_reopen_rate(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    client.post(f"/api/v1/petitions/{petition.code}/rating",
                json={"secret": petition.plain_secret, "scores": SCORES, "resolved": False})
    today = local_today().isoformat()
    body = validate(client.get(f"/api/v1/metrics?from={today}&to={today}"), "/metrics", "get", 200)
    so_xd = next(a for a in body["agencies"] if a["code"] == "SO-XD")
    assert (so_xd["reopened"], so_xd["reopen_rate"]) == (1, 100.0)
    assert (body["overall"]["reopened"], body["overall"]["reopen_rate"]) == (1, 100.0)

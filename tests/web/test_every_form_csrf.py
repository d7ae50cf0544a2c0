"""CSRF on every form: every POST route of the web pages refuses a request without a valid token, whoever sends
it; only the API (bearer keys, no cookies) is exempt."""
import pytest

from portal.models import AuditEntry, Petition, PetitionEvent

API_PREFIXES = ("/api/", "/open311/")
SAMPLE = {"integer": 1, "unicode": "PA-2026-000001", "path": "PA-2026-000001"}


def post_routes(app):
    routes = []
    for rule in app.url_map.iter_rules():
        if "POST" in rule.methods and not rule.rule.startswith(API_PREFIXES):
            values = {name: SAMPLE.get(type(rule._converters[name]).__name__.replace("Converter", "").lower(),
                                       "x") for name in rule.arguments}
            if "day" in values:
                values["day"] = "2026-12-01"
            routes.append(rule.build(values, append_unknown=False)[1])
    return routes


def test_there_are_many_forms(app):
    assert len(post_routes(app)) >= 25


@pytest.mark.parametrize("token", [None, "forged-token"])
def test_every_form_refuses_a_missing_or_forged_token(app, client, db, login_as, petition_factory, token):
    petition_factory(category="giao-thong")
    login_as("admin")
    before = (db.session.query(Petition).count(), db.session.query(PetitionEvent).count(),
              db.session.query(AuditEntry).count())
    for route in post_routes(app):
        data = {"csrf_token": token} if token else {}
        response = client.post(route, data={**data, "content": "x" * 40, "reason": "lý do"})
        assert response.status_code == 400, route
        assert "biểu mẫu không hợp lệ" in response.get_data(as_text=True), route
    after = (db.session.query(Petition).count(), db.session.query(PetitionEvent).count(),
             db.session.query(AuditEntry).count())
    assert after == before

"""POST /api/v1/petitions/{code}/support: 201 the first time, 200 with the same count when the same client repeats."""
from portal.domain.lifecycle import transition
from portal.models import PetitionSupport
from tests.api.conftest import bearer
from tests.api.test_petitions_api import validate
from tests.domain.test_support import published

PATH = "/petitions/{code}/support"


def support(client, code, body=None, address="203.0.113.7", **kwargs):
    return client.post(f"/api/v1/petitions/{code}/support", json={} if body is None else body,
                       environ_base={"REMOTE_ADDR": address}, **kwargs)


def test_201_the_first_time_then_200_with_the_same_count(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    assert validate(support(client, petition.code), PATH, "post", 201) == {"supporters": 1}
    assert validate(support(client, petition.code), PATH, "post", 200) == {"supporters": 1}
    assert validate(support(client, petition.code, address="203.0.113.8"), PATH, "post", 201) == {"supporters": 2}


def test_a_phone_identifies_the_client_wherever_it_calls_from(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    assert support(client, petition.code, {"phone": "0905 123 456"}).status_code == 201
    again = support(client, petition.code, {"phone": "+84905123456"}, address="198.51.100.9")
    assert again.status_code == 200 and again.get_json() == {"supporters": 1}
    assert "0905123456" not in db.session.query(PetitionSupport).one().client_key


def test_unknown_unpublished_and_closed_petitions(client, db, petition_factory, make_user):
    assert validate(support(client, "PA-2026-999999"), PATH, "post", 404)["error"]["code"] == "not_found"
    assert support(client, petition_factory().code).status_code == 404
    petition = published(db, petition_factory, make_user)
    transition(db.session, petition, "closed")
    db.session.commit()
    closed = validate(support(client, petition.code, headers={"Accept-Language": "en"}), PATH, "post", 409)
    assert closed["error"] == {"code": "support_closed", "message": "This petition has ended and no longer takes support."}


def test_a_bad_body_is_a_4xx_in_the_users_language(client, db, petition_factory, make_user):
    petition = published(db, petition_factory, make_user)
    assert support(client, petition.code, {"phone": "abc"}).get_json()["error"]["message"].startswith(
        "Số điện thoại không hợp lệ")
    assert support(client, petition.code, {"name": "x"}).status_code == 422
    assert client.post(f"/api/v1/petitions/{petition.code}/support", data="{}").status_code == 422


def test_support_is_rate_limited_per_address_and_a_made_up_key_buys_no_fresh_allowance(client, db, petition_factory,
                                                                                        make_user):
    petition = published(db, petition_factory, make_user)
    statuses = [support(client, petition.code, {"phone": f"090512{n:04d}"}).status_code for n in range(11)]
    assert statuses == [201] * 10 + [429]
    made_up = support(client, petition.code, {"phone": "0905999999"}, headers=bearer("made-up-key"))
    assert made_up.status_code == 401
    assert support(client, petition.code, {"phone": "0905999999"}, address="198.51.100.1").status_code == 201
    assert db.session.get(type(petition), petition.id).supporters == 11

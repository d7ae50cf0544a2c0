""""Tôi cũng gặp vấn đề này": each client counts once per petition in 30 days; who supported is kept only as a keyed
hash, and only for those 30 days; the count on the petition equals its rows."""
import threading
from datetime import timedelta

import pytest

from portal.domain import workflow
from portal.domain.calendar import utcnow
from portal.domain.errors import Conflict, NotFound, ValidationFailed
from portal.domain.lifecycle import transition
from portal.domain.support import add_support, forget_supporters, identify_supporter
from portal.extensions import new_session
from portal.models import Petition, PetitionSupport

SECRET = "test-secret-key"


def published(db, petition_factory, make_user, **fields):
    petition = petition_factory(category="giao-thong", **fields)
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), "<p>Đã vá xong ổ gà trên đường.</p>")
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    return petition


@pytest.fixture
def public_petition(db, petition_factory, make_user):
    return published(db, petition_factory, make_user)


def rows_of(db, petition) -> int:
    return db.session.query(PetitionSupport).filter_by(petition_id=petition.id).count()


def support(db, petition, when=None, **client):
    result = add_support(db.session, petition.code, identify_supporter(SECRET, **client), when or utcnow())
    db.session.commit()
    return result


def test_a_client_counts_once_within_30_days(db, public_petition):
    first = support(db, public_petition, address="203.0.113.7")
    again = support(db, public_petition, address="203.0.113.7", when=utcnow() + timedelta(days=29))
    other = support(db, public_petition, address="203.0.113.8")
    assert (first.supporters, first.counted) == (1, True)
    assert (again.supporters, again.counted) == (1, False)
    assert (other.supporters, other.counted) == (2, True)
    assert db.session.get(Petition, public_petition.id).supporters == rows_of(db, public_petition) == 2


def test_after_30_days_the_same_client_counts_again(db, public_petition):
    support(db, public_petition, cookie_token="browser-1")
    later = support(db, public_petition, cookie_token="browser-1", when=utcnow() + timedelta(days=31))
    assert (later.supporters, later.counted) == (2, True)
    assert db.session.get(Petition, public_petition.id).supporters == rows_of(db, public_petition) == 2


def test_the_same_phone_written_two_ways_is_one_client(db, public_petition):
    support(db, public_petition, phone="0905 123 456", address="203.0.113.7")
    again = support(db, public_petition, phone="+84.905.123.456", address="198.51.100.1")
    assert (again.supporters, again.counted) == (1, False)


def test_the_phone_and_the_address_are_stored_only_as_a_keyed_hash(db, public_petition):
    support(db, public_petition, phone="0905123456")
    support(db, public_petition, address="203.0.113.7")
    stored = " ".join(f"{row.client_key} {row.client_kind}" for row in db.session.query(PetitionSupport))
    assert "0905123456" not in stored and "905123456" not in stored and "203.0.113.7" not in stored
    # Keyed: without the app's secret nobody can test a number against the table.
    assert identify_supporter("another-secret", phone="0905123456").key not in stored
    assert identify_supporter(SECRET, phone="0905123456").key in stored


def test_a_bad_phone_is_refused_naming_the_field(db, public_petition):
    with pytest.raises(ValidationFailed) as error:
        identify_supporter(SECRET, phone="12ab")
    assert error.value.field == "phone"


def test_the_sweep_forgets_who_supported_after_30_days_and_keeps_the_count(db, public_petition):
    support(db, public_petition, address="203.0.113.7")
    support(db, public_petition, address="203.0.113.8", when=utcnow() + timedelta(days=20))
    assert forget_supporters(db.session, utcnow() + timedelta(days=31)) == 1
    db.session.commit()
    kept = [row.client_key for row in db.session.query(PetitionSupport).order_by(PetitionSupport.id)]
    assert kept[0] is None and kept[1] is not None
    assert db.session.get(Petition, public_petition.id).supporters == 2


def test_a_closed_petition_takes_no_more_support(db, public_petition):
    transition(db.session, public_petition, "closed")
    db.session.commit()
    with pytest.raises(Conflict, match="đã kết thúc") as error:
        support(db, public_petition, address="203.0.113.7")
    assert error.value.status == 409 and error.value.code == "support_closed"


def test_unknown_and_unpublished_petitions_are_not_found(db, petition_factory, make_user):
    with pytest.raises(NotFound):
        support(db, Petition(code="PA-2026-999999"), address="203.0.113.7")
    with pytest.raises(NotFound):  # in handling: not public yet
        support(db, petition_factory(), address="203.0.113.7")
    with pytest.raises(NotFound):  # the sender did not consent to publication
        support(db, published(db, petition_factory, make_user, consent_public=False), address="203.0.113.7")


def test_the_same_client_twice_at_once_counts_once(app, db, public_petition):
    """Two sessions, two connections, the same client at the same moment: the unique constraint lets one in."""
    supporter = identify_supporter(SECRET, address="203.0.113.7")
    code, barrier, results, errors = public_petition.code, threading.Barrier(2), [], []

    def race():
        with app.app_context():
            session = new_session()
            try:
                barrier.wait()
                results.append(add_support(session, code, supporter, utcnow()))
                session.commit()
            except Exception as error:  # noqa: BLE001 — reported below
                errors.append(error)
            finally:
                session.close()

    threads = [threading.Thread(target=race) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(result.counted for result in results) == [False, True]
    assert [result.supporters for result in results] == [1, 1]
    db.session.expire_all()
    assert db.session.get(Petition, public_petition.id).supporters == rows_of(db, public_petition) == 1


def test_many_clients_at_once_are_each_counted(app, db, public_petition):
    code, clients = public_petition.code, [f"198.51.100.{n}" for n in range(6)]

    def race(address):
        with app.app_context():
            session = new_session()
            try:
                add_support(session, code, identify_supporter(SECRET, address=address), utcnow())
                session.commit()
            finally:
                session.close()

    threads = [threading.Thread(target=race, args=(address,)) for address in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    db.session.expire_all()
    assert db.session.get(Petition, public_petition.id).supporters == rows_of(db, public_petition) == 6


def test_support_changes_neither_the_version_nor_the_updated_at_of_the_petition(db, public_petition):
    version, updated_at = public_petition.version, public_petition.updated_at
    support(db, public_petition, address="203.0.113.7")
    db.session.expire_all()
    petition = db.session.get(Petition, public_petition.id)
    assert (petition.version, petition.updated_at, petition.supporters) == (version, updated_at, 1)



def test_flask_sweep_forgets_who_supported_30_days_on(app, db, public_petition):
    from portal.domain.sweep import SweepSettings, run_sweep

    support(db, public_petition, address="203.0.113.7")
    settings = SweepSettings.from_config(app.config)
    assert run_sweep(db.session, settings, utcnow().date() + timedelta(days=10)).supporters_forgotten == 0
    assert run_sweep(db.session, settings, utcnow().date() + timedelta(days=32)).supporters_forgotten == 1
    assert db.session.query(PetitionSupport).one().client_key is None

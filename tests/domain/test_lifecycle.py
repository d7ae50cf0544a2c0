import pytest

from portal.domain.errors import IllegalTransition
from portal.domain.lifecycle import FINAL_STATUSES, TRANSITIONS, can_transition, transition
from portal.models import PetitionEvent


def test_main_road_is_allowed():
    road = ["received", "assigned", "in_progress", "answered", "published", "closed"]
    for current, following in zip(road, road[1:]):
        assert can_transition(current, following)


def test_final_states_are_ends():
    for status in FINAL_STATUSES:
        assert TRANSITIONS[status] == frozenset()


def test_every_target_is_a_known_status():
    for targets in TRANSITIONS.values():
        assert targets <= set(TRANSITIONS)


def test_illegal_transition_raises_and_changes_nothing(db, petition_factory):
    petition = petition_factory()
    assert petition.status == "assigned"
    events_before = petition.events.count()
    with pytest.raises(IllegalTransition) as raised:
        transition(db.session, petition, "published")
    assert "Không thể chuyển" in raised.value.message_vi
    assert petition.status == "assigned"
    assert petition.events.count() == events_before


def test_transition_writes_its_event_in_the_same_unit_of_work(db, petition_factory):
    petition = petition_factory()
    transition(db.session, petition, "in_progress", note="Nhận xử lý")
    db.session.rollback()  # nothing committed: neither the status nor its event survive
    db.session.refresh(petition)
    assert petition.status == "assigned"
    assert db.session.query(PetitionEvent).filter_by(petition_id=petition.id, to_status="in_progress").count() == 0
    transition(db.session, petition, "in_progress", note="Nhận xử lý")
    db.session.commit()
    event = db.session.query(PetitionEvent).filter_by(petition_id=petition.id).order_by(PetitionEvent.id.desc()).first()
    assert (event.from_status, event.to_status, event.note) == ("assigned", "in_progress", "Nhận xử lý")


def test_side_roads_need_a_reason(db, petition_factory):
    petition = petition_factory()
    with pytest.raises(IllegalTransition) as raised:
        transition(db.session, petition, "returned", note="  ")
    assert raised.value.code == "reason_required"

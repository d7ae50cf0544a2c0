from datetime import timedelta
from types import SimpleNamespace

import pytest

from portal.domain import workflow
from portal.domain.duplicates import merge_petitions
from portal.domain.errors import Conflict, DomainError, Forbidden, IllegalTransition
from portal.domain.lifecycle import (
    ACTION_RULES,
    FINAL_STATUSES,
    STATUSES,
    TRANSITIONS,
    allowed_actions,
    can_transition,
    ensure_allowed,
    transition,
)
from portal.models import AGENCY_ROLES, ROLES, Agency, Answer, PetitionEvent


def test_main_road_is_allowed():
    road = ["received", "assigned", "in_progress", "answered", "published", "closed"]
    for current, following in zip(road, road[1:]):
        assert can_transition(current, following)


def test_final_states_are_ends():
    for status in FINAL_STATUSES - {"closed"}:
        assert TRANSITIONS[status] == frozenset()
    # A closed petition's answer can still be rated "not resolved" within 7 days of publication (ratings.py).
    assert TRANSITIONS["closed"] == frozenset({"reopened", "returned"})


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


# --- allowed_actions: what the pages offer is what the workflow lets through ----------------------------------------

LONG_ANSWER = "<p>Đơn vị đã kiểm tra hiện trường và khắc phục xong, cảm ơn ông/bà đã phản ánh.</p>"
# Each action as its domain function takes it; `to` holds another agency and another live petition.
WORKFLOW_ACTIONS = {
    "accept": lambda s, p, user, to: workflow.accept(s, p, user),
    "answer": lambda s, p, user, to: workflow.submit_answer(s, p, user, LONG_ANSWER),
    "request_extension": lambda s, p, user, to: workflow.request_extension(
        s, p, user, p.due_date + timedelta(days=10), "Cần khảo sát hiện trường"),
    "coordinate": lambda s, p, user, to: workflow.request_coordination(s, p, user, to.agency, "Đề nghị phối hợp"),
    "return": lambda s, p, user, to: workflow.return_to_coordinator(s, p, user, "Không đúng thẩm quyền"),
    "transfer": lambda s, p, user, to: workflow.transfer(s, p, user, to.agency, "Thuộc phân cấp của phường"),
    "approve": lambda s, p, user, to: workflow.approve_answer(s, p, user),
    "send_back": lambda s, p, user, to: workflow.send_back(s, p, user, "Bổ sung số liệu"),
    "merge": lambda s, p, user, to: merge_petitions(s, p, to.petition, user),
    "reject": lambda s, p, user, to: workflow.reject(s, p, user, "spam", "Nội dung quảng cáo, không phải phản ánh."),
    "propose_rejection": lambda s, p, user, to: workflow.propose_rejection(
        s, p, user, "out_of_scope", "Không thuộc thẩm quyền giải quyết của cơ quan."),
}


def test_every_workflow_action_has_a_rule_and_every_rule_starts_where_the_table_allows_a_move():
    assert set(WORKFLOW_ACTIONS) == set(ACTION_RULES) - {"assign"}  # routing's step, guarded by its page
    for action, rule in ACTION_RULES.items():
        assert rule.statuses <= set(STATUSES), action
        assert all(TRANSITIONS[status] for status in rule.statuses), action  # no action starts from an end
        assert rule.roles <= set(ROLES), action


def test_allowed_actions_agree_with_the_workflow_for_every_status_and_role(db, petition_factory, make_user):
    petition = petition_factory(category="giao-thong")  # assigned to SO-XD
    to = SimpleNamespace(agency=db.session.query(Agency).filter_by(code="UBND-XA").one(),
                         petition=petition_factory(category="giao-thong"))
    author = make_user("agency_officer", "SO-XD")
    db.session.add(Answer(petition=petition, agency_id=petition.agency_id, body_html=LONG_ANSWER, state="submitted",
                          author_id=author.id))
    users = {role: make_user(role, "SO-XD" if role in AGENCY_ROLES else None) for role in ROLES}
    users["another agency's head"] = make_user("agency_head", "SO-YT")
    for status in STATUSES:
        petition.status = status
        db.session.commit()
        for who, user in users.items():
            allowed = allowed_actions(petition, user)
            for action, run in WORKFLOW_ACTIONS.items():
                savepoint = db.session.begin_nested()
                try:
                    run(db.session, petition, user, to)
                    db.session.flush()
                    passed = True
                except DomainError:
                    passed = False
                finally:
                    savepoint.rollback()
                assert passed == (action in allowed), (status, who, action, sorted(allowed))


def test_the_item_page_offers_an_officer_the_handling_steps_and_the_head_the_approval(db, petition_factory,
                                                                                      make_user):
    petition = petition_factory(category="giao-thong")
    officer, head = make_user("agency_officer", "SO-XD"), make_user("agency_head", "SO-XD")
    coordinator, committee = make_user("coordinator", "VP-UBND"), make_user("committee")
    assert allowed_actions(petition, officer) == {"accept", "answer", "request_extension", "coordinate", "return",
                                                  "transfer"}
    assert allowed_actions(petition, coordinator) == {"transfer", "merge", "reject"}
    assert allowed_actions(petition, committee) == frozenset()
    assert allowed_actions(petition, make_user("agency_officer", "SO-YT")) == frozenset()
    workflow.submit_answer(db.session, petition, officer, LONG_ANSWER)
    assert petition.status == "answered"
    assert allowed_actions(petition, officer) == frozenset()
    assert allowed_actions(petition, head) == {"approve", "send_back"}


def test_an_extension_is_offered_once(db, petition_factory, make_user):
    petition = petition_factory(category="giao-thong")
    officer = make_user("agency_officer", "SO-XD")
    workflow.request_extension(db.session, petition, officer, petition.due_date + timedelta(days=7), "Khảo sát")
    db.session.flush()
    assert "request_extension" not in allowed_actions(petition, officer)
    with pytest.raises(Conflict) as refused:
        ensure_allowed(petition, officer, "request_extension")
    assert refused.value.code == "extension_used"


def test_a_refused_action_says_why_in_both_languages(db, petition_factory, make_user):
    petition = petition_factory(category="giao-thong")
    with pytest.raises(Conflict) as wrong_status:
        ensure_allowed(petition, make_user("agency_head", "SO-XD"), "approve")
    assert "duyệt trả lời" in wrong_status.value.message_vi and "Đã chuyển cơ quan xử lý" in wrong_status.value.message_vi
    assert "approve the answer" in wrong_status.value.message_en and "Assigned" in wrong_status.value.message_en
    with pytest.raises(Forbidden) as wrong_role:
        ensure_allowed(petition, make_user("committee"), "transfer")
    assert "chuyển cơ quan khác" in wrong_role.value.message_vi and "transfer" in wrong_role.value.message_en

"""Reasoned rejection: a coordinator rejects with a reason from the list and a note the sender reads; an agency
head's rejection of their own unanswered item goes back to the coordinator, who confirms or assigns again. Rejections
are counted per agency and overall, from the rollups as from a scan, and leave the response rate's denominator."""
from datetime import timedelta

import pytest

from portal.domain import calendar, metrics, rollups, workflow
from portal.domain.errors import Conflict, Forbidden, ValidationFailed
from portal.domain.lifecycle import allowed_actions
from portal.domain.metrics import Filters, Period
from portal.domain.rejections import (pending_proposal, rejections_by_reason, rejections_in,
                                      sender_view)
from portal.models import Category, OutboxMessage, PetitionEvent, PetitionRejection
from tests import oracles
from tests.conftest import form_post
from tests.oracles import snapshot

NOTE = "Nội dung là quảng cáo dịch vụ, không phản ánh vấn đề nào cần cơ quan nhà nước giải quyết."
ANSWER = "<p>Đơn vị đã vá xong ổ gà trên đường Nguyễn Văn Linh.</p>"


@pytest.fixture
def staff(make_user):
    return {"officer": make_user("agency_officer", "SO-XD"), "head": make_user("agency_head", "SO-XD"),
            "coordinator": make_user("coordinator"), "other_head": make_user("agency_head", "SO-YT")}


def test_a_coordinator_rejects_and_the_sender_reads_the_reason_and_note(db, client, petition_factory, staff):
    petition = petition_factory(reporter_email="nguoi.gui@example.vn")
    assert workflow.reject(db.session, petition, staff["coordinator"], "spam", NOTE) == "rejected"
    db.session.commit()
    assert petition.status == "rejected" and petition.closed_at is not None
    assert sender_view(db.session, petition) == {"reason": "spam", "reason_label": "Tin rác, quảng cáo",
                                                 "note": NOTE}
    page = form_post(client, "/tra-cuu", {"code": petition.code, "secret": petition.plain_secret}).get_data(True)
    assert 'id="rejection-reason">Tin rác, quảng cáo<' in page and NOTE in page
    assert "Hạn trả lời" not in page  # no answer will come: no deadline is promised
    tracked = client.get(f"/api/v1/petitions/{petition.code}", headers={"X-Tracking-Secret": petition.plain_secret})
    assert tracked.json["rejection"] == {"reason": "spam", "reason_label": "Tin rác, quảng cáo", "note": NOTE}
    mail = db.session.query(OutboxMessage).filter_by(recipient="nguoi.gui@example.vn").all()
    assert any("không được tiếp nhận" in m.content["subject"] and NOTE in m.content["body"] for m in mail)


def test_the_sender_reads_no_rejection_block_before_a_rejection(db, client, petition_factory):
    petition = petition_factory()
    page = form_post(client, "/tra-cuu", {"code": petition.code, "secret": petition.plain_secret}).get_data(True)
    assert 'id="rejection"' not in page
    assert sender_view(db.session, petition) is None


def test_a_coordinator_may_reject_a_new_item_in_triage_and_an_assigned_one(db, petition_factory, staff):
    waiting = petition_factory(triage=True)
    assigned = petition_factory()
    assert "reject" in allowed_actions(waiting, staff["coordinator"])
    workflow.reject(db.session, waiting, staff["coordinator"], "insufficient_information", NOTE)
    workflow.reject(db.session, assigned, staff["coordinator"], "duplicate", NOTE)
    db.session.commit()
    assert (waiting.status, assigned.status) == ("rejected", "rejected")
    assert not waiting.needs_triage


def test_an_answered_petition_cannot_be_rejected(db, petition_factory, staff):
    petition = petition_factory()
    workflow.submit_answer(db.session, petition, staff["officer"], ANSWER)
    db.session.commit()
    assert "reject" not in allowed_actions(petition, staff["coordinator"])
    with pytest.raises(Conflict):
        workflow.reject(db.session, petition, staff["coordinator"], "spam", NOTE)


@pytest.mark.parametrize("reason, note", [("rác", NOTE), ("", NOTE), ("spam", "ngắn"), ("spam", "x" * 1001),
                                          ("spam", "   \x00\x07   ")])
def test_a_reason_off_the_list_or_a_missing_or_overlong_note_is_refused(db, petition_factory, staff, reason, note):
    petition = petition_factory()
    with pytest.raises(ValidationFailed):
        workflow.reject(db.session, petition, staff["coordinator"], reason, note)
    db.session.rollback()
    assert petition.status == "assigned"


def test_the_note_is_kept_as_plain_text_without_control_characters(db, petition_factory, staff):
    petition = petition_factory()
    workflow.reject(db.session, petition, staff["coordinator"], "abusive", "  <b>Nội dung</b>\x00 xúc phạm cán bộ.  ")
    db.session.commit()
    assert sender_view(db.session, petition)["note"] == "<b>Nội dung</b> xúc phạm cán bộ."


def test_officers_and_other_agencies_may_not_reject(db, petition_factory, staff):
    petition = petition_factory()
    assert not {"reject", "propose_rejection"} & allowed_actions(petition, staff["officer"])
    with pytest.raises(Forbidden):
        workflow.reject(db.session, petition, staff["officer"], "spam", NOTE)
    with pytest.raises(Forbidden):
        workflow.reject_or_propose(db.session, petition, staff["other_head"], "spam", NOTE)
    with pytest.raises(Forbidden):
        workflow.reject(db.session, petition, staff["head"], "spam", NOTE)  # a head only proposes


def test_a_heads_rejection_goes_back_to_the_coordinator_who_confirms_it(db, petition_factory, staff):
    petition = petition_factory(reporter_email="nguoi.gui@example.vn")
    assert "propose_rejection" in allowed_actions(petition, staff["head"])
    assert "reject" not in allowed_actions(petition, staff["head"])
    assert workflow.reject_or_propose(db.session, petition, staff["head"], "out_of_scope", NOTE) == "returned"
    db.session.commit()
    assert petition.status == "returned" and petition.needs_triage
    proposal = pending_proposal(db.session, petition)
    assert (proposal.reason, proposal.note, proposal.kind) == ("out_of_scope", NOTE, "proposal")
    assert sender_view(db.session, petition) is None  # nothing is rejected yet
    (event,) = db.session.query(PetitionEvent).filter_by(petition_id=petition.id, to_status="returned").all()
    assert not event.public  # the proposal is the staff's business until the coordinator decides
    told = db.session.query(OutboxMessage).filter_by(recipient=staff["coordinator"].email).all()
    assert any(petition.code in m.content["subject"] for m in told)
    assert workflow.reject_or_propose(db.session, petition, staff["coordinator"], proposal.reason,
                                      proposal.note) == "rejected"
    db.session.commit()
    assert petition.status == "rejected" and pending_proposal(db.session, petition) is None
    assert sender_view(db.session, petition)["reason"] == "out_of_scope"


def test_a_proposal_the_coordinator_assigns_again_is_no_longer_pending(db, petition_factory, staff):
    from portal.domain.routing import assign, default_official
    from portal.models import Agency

    petition = petition_factory()
    workflow.propose_rejection(db.session, petition, staff["head"], "out_of_scope", NOTE)
    db.session.commit()
    other = db.session.query(Agency).filter_by(code="SO-YT").one()
    assign(db.session, petition, agency=other, responsible_official=default_official(db.session, other),
           task="Xem xét, trả lời", due_date=petition.due_date, expected_result="Trả lời người dân",
           actor=staff["coordinator"])
    db.session.commit()
    assert pending_proposal(db.session, petition) is None and petition.status == "assigned"


def test_a_head_may_not_propose_once_the_item_is_answered(db, petition_factory, staff):
    petition = petition_factory()
    workflow.submit_answer(db.session, petition, staff["officer"], ANSWER)
    db.session.commit()
    assert "propose_rejection" not in allowed_actions(petition, staff["head"])


def rejected_archive(db, petition_factory, staff):
    """SO-XD: four received, one rejected, one answered; one rejected in triage (no agency); one SO-XD item on
    the hotline, rejected."""
    kept = [petition_factory() for _ in range(2)]
    workflow.submit_answer(db.session, kept[0], staff["officer"], ANSWER)
    workflow.approve_answer(db.session, kept[0], staff["head"])
    workflow.reject(db.session, petition_factory(), staff["coordinator"], "duplicate", NOTE)
    workflow.reject(db.session, petition_factory(triage=True), staff["coordinator"], "spam", NOTE)
    workflow.reject(db.session, petition_factory(channel="hotline"), staff["coordinator"], "abusive", NOTE)
    db.session.commit()


def test_rejections_are_counted_per_agency_and_overall_from_the_rollups_as_from_a_scan(db, petition_factory, staff):
    rejected_archive(db, petition_factory, staff)
    today = calendar.local_today()
    period = Period(today - timedelta(days=1), today)
    so_xd = staff["officer"].agency_id
    assert metrics.rejected_counts(db.session, period) == oracles.scan_rejected_counts(db.session, period) \
        == {so_xd: 2, 0: 1}
    hotline = Filters(channel="hotline")
    assert metrics.rejected_counts(db.session, period, hotline) == oracles.scan_rejected_counts(
        db.session, period, hotline) == {so_xd: 1}
    traffic = Filters(category_id=db.session.query(Category).filter_by(code="giao-thong").one().id)
    for filters in (metrics.NO_FILTERS, hotline, traffic):
        assert metrics.agency_ranking(db.session, period.first, period.last, min_sample=1, filters=filters) \
            == oracles.scan_ranking(db.session, period.first, period.last, min_sample=1, filters=filters)
    ranking = metrics.agency_ranking(db.session, period.first, period.last, min_sample=1)
    row = next(r for r in ranking["agencies"] if r["code"] == "SO-XD")
    assert row["rejected"] == 2 and ranking["overall"]["rejected"] == 3
    kept = snapshot(db.session)
    rollups.rebuild(db.session)
    assert snapshot(db.session) == kept


def test_rejected_petitions_leave_the_response_rate_denominator(db, petition_factory, staff):
    rejected_archive(db, petition_factory, staff)
    today = calendar.local_today()
    row = next(r for r in metrics.agency_ranking(db.session, today, today, min_sample=1)["agencies"]
               if r["code"] == "SO-XD")
    # Four received by SO-XD, two of them rejected: one answered of the two that can be answered.
    assert (row["received"], row["answered"], row["rejected"], row["response_rate"]) == (4, 1, 2, 50.0)


def test_the_committee_lists_rejections_by_period_and_agency(db, petition_factory, staff):
    rejected_archive(db, petition_factory, staff)
    today = calendar.local_today()
    every = rejections_in(db.session, today, today)
    assert every.total == 3 and {r.reason for r in every.items} == {"duplicate", "spam", "abusive"}
    assert rejections_in(db.session, today, today, agency_id=staff["officer"].agency_id).total == 2
    assert rejections_in(db.session, today - timedelta(days=9), today - timedelta(days=1)).total == 0
    paged = rejections_in(db.session, today, today, per_page=2, page=2)
    assert (len(paged.items), paged.pages) == (1, 2)
    assert db.session.query(PetitionRejection).filter_by(kind="rejection").count() == 3


def reasons_archive(db, petition_factory, staff):
    """SO-XD: two spam, one duplicate, one proposed as out_of_scope and confirmed by the coordinator as abusive, one
    proposed and assigned back (not rejected); one rejected in triage (no agency) as insufficient information; one
    SO-XD hotline item rejected as spam."""
    from portal.domain.routing import assign, default_official

    for reason in ("spam", "spam", "duplicate"):
        workflow.reject(db.session, petition_factory(), staff["coordinator"], reason, NOTE)
    confirmed, declined = petition_factory(), petition_factory()
    for petition in (confirmed, declined):
        workflow.propose_rejection(db.session, petition, staff["head"], "out_of_scope", NOTE)
    workflow.reject(db.session, confirmed, staff["coordinator"], "abusive", NOTE)
    assign(db.session, declined, agency=declined.category.default_agency, task="Xem xét, trả lời",
           responsible_official=default_official(db.session, declined.category.default_agency),
           due_date=declined.due_date, expected_result="Trả lời người dân", actor=staff["coordinator"])
    workflow.reject(db.session, petition_factory(triage=True), staff["coordinator"], "insufficient_information", NOTE)
    workflow.reject(db.session, petition_factory(channel="hotline"), staff["coordinator"], "spam", NOTE)
    db.session.commit()


def test_rejections_are_counted_per_reason_and_the_reasons_add_up_to_rejected(db, petition_factory, staff):
    reasons_archive(db, petition_factory, staff)
    today = calendar.local_today()
    ranking = metrics.agency_ranking(db.session, today, today, min_sample=1)
    so_xd = next(r for r in ranking["agencies"] if r["code"] == "SO-XD")
    assert so_xd["rejected_by_reason"] == {"spam": 3, "duplicate": 1, "out_of_scope": 0, "abusive": 1,
                                           "insufficient_information": 0}
    assert ranking["overall"]["rejected_by_reason"] == {**so_xd["rejected_by_reason"], "insufficient_information": 1}
    hotline = Filters(channel="hotline")
    traffic = Filters(category_id=db.session.query(Category).filter_by(code="giao-thong").one().id)
    for filters in (metrics.NO_FILTERS, hotline, traffic):
        ranking = metrics.agency_ranking(db.session, today, today, min_sample=1, filters=filters)
        for row in (*ranking["agencies"], ranking["overall"]):
            assert sum(row["rejected_by_reason"].values()) == row["rejected"], (filters, row.get("code"))
        assert ranking == oracles.scan_ranking(db.session, today, today, min_sample=1, filters=filters)
    assert metrics.agency_ranking(db.session, today, today, min_sample=1, filters=hotline)["overall"][
        "rejected_by_reason"]["spam"] == 1
    yesterday = today - timedelta(days=1)
    assert metrics.agency_ranking(db.session, yesterday, yesterday)["overall"]["rejected_by_reason"] == dict.fromkeys(
        ("spam", "duplicate", "out_of_scope", "abusive", "insufficient_information"), 0)


def test_the_committee_table_counts_rejections_per_agency_and_reason(db, petition_factory, staff):
    reasons_archive(db, petition_factory, staff)
    today = calendar.local_today()
    table = rejections_by_reason(db.session, today, today)
    assert [(row.agency.code if row.agency else None, row.total) for row in table.rows] == [("SO-XD", 5), (None, 1)]
    assert (table.total, table.by_reason["spam"], table.by_reason["insufficient_information"]) == (6, 3, 1)
    ranking = metrics.agency_ranking(db.session, today, today, min_sample=1)
    assert table.by_reason == ranking["overall"]["rejected_by_reason"]
    only = rejections_by_reason(db.session, today, today, agency_id=staff["officer"].agency_id)
    assert [row.agency.code for row in only.rows] == ["SO-XD"] and only.total == 5

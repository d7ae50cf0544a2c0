"""The agency's steps: transfer, return, extension (once), coordination, sweep, counts."""
from datetime import timedelta

import pytest
from sqlalchemy.orm.exc import StaleDataError

from portal.domain.calendar import local_today
from portal.domain import metrics, workflow
from portal.domain.errors import Conflict, Forbidden, ValidationFailed
from portal.domain.overdue import sweep
from portal.extensions import new_session
from portal.models import Agency, Apology, Assignment, OutboxMessage, Petition, PetitionEvent


def agency(db, code):
    return db.session.query(Agency).filter_by(code=code).one()


def test_transfer_keeps_the_old_assignment_on_record(db, petition_factory, make_user):
    petition = petition_factory(category="giao-thong")
    officer = make_user("agency_officer", "SO-XD")
    workflow.transfer(db.session, petition, officer, agency(db, "UBND-XA"), "Việc tỉa cây do phường làm")
    db.session.commit()
    assignments = db.session.query(Assignment).filter_by(petition_id=petition.id).order_by(Assignment.id).all()
    assert [a.active for a in assignments] == [False, True]
    assert assignments[1].lead_agency.code == "UBND-XA" and petition.status == "transferred"
    assert petition.due_date == assignments[0].due_date  # the citizen's deadline does not restart


def test_an_agency_cannot_act_on_another_agencys_item(db, petition_factory, make_user):
    petition = petition_factory(category="giao-thong")
    stranger = make_user("agency_officer", "SO-YT")
    with pytest.raises(Forbidden):
        workflow.accept(db.session, petition, stranger)
    with pytest.raises(Forbidden):
        workflow.transfer(db.session, petition, stranger, agency(db, "UBND-XA"), "không phải việc của tôi")


def test_return_goes_to_the_coordinators_queue(db, petition_factory, make_user):
    petition = petition_factory(category="giao-thong")
    workflow.return_to_coordinator(db.session, petition, make_user("agency_officer", "SO-XD"), "Không đúng thẩm quyền")
    db.session.commit()
    assert petition.status == "returned" and petition.needs_triage


def test_extension_is_granted_once(db, petition_factory, make_user):
    petition = petition_factory(category="giao-thong")
    officer, coordinator = make_user("agency_officer", "SO-XD"), make_user("coordinator", "VP-UBND")
    new_date = petition.due_date + timedelta(days=7)
    request = workflow.request_extension(db.session, petition, officer, new_date, "Cần khảo sát hiện trường")
    with pytest.raises(Conflict):
        workflow.request_extension(db.session, petition, officer, new_date, "Lần nữa")
    workflow.decide_extension(db.session, request, coordinator, grant=True, note="Đồng ý")
    db.session.commit()
    assert petition.due_date == new_date and petition.status == "extended" and petition.extension_used
    with pytest.raises(Conflict):
        workflow.request_extension(db.session, petition, officer, new_date + timedelta(days=3), "Thêm lần hai")


def test_extension_needs_a_later_date(db, petition_factory, make_user):
    petition = petition_factory(category="giao-thong")
    with pytest.raises(ValidationFailed):
        workflow.request_extension(db.session, petition, make_user("agency_officer", "SO-XD"), petition.due_date,
                                   "Cùng ngày")


def test_sweep_marks_overdue_issues_one_apology_and_is_idempotent(db, petition_factory, make_user):
    make_user("agency_officer", "SO-XD")
    make_user("coordinator", "VP-UBND")
    late = petition_factory(category="giao-thong", reporter_email="dan@example.com")
    on_track = petition_factory(category="giao-thong")
    today = late.due_date + timedelta(days=1)
    on_track.due_date = today + timedelta(days=5)
    db.session.commit()
    assert sweep(db.session, today) == 1
    assert sweep(db.session, today) == 0
    apologies = db.session.query(Apology).all()
    assert [a.petition_id for a in apologies] == [late.id]
    assert late.code in apologies[0].body_html and "xin lỗi" in apologies[0].body_html  # the one letter template
    assert db.session.query(PetitionEvent).filter_by(petition_id=late.id, kind="overdue").count() == 1
    recipients = {m.recipient for m in db.session.query(OutboxMessage)}
    assert "dan@example.com" in recipients and len(recipients) >= 3  # citizen, agency officer, coordinator


def test_responsibility_counts_per_agency(db, petition_factory, make_user):
    officer = make_user("agency_officer", "SO-XD")
    first, second = petition_factory(category="giao-thong"), petition_factory(category="giao-thong")
    workflow.transfer(db.session, first, officer, agency(db, "UBND-XA"), "Phân cấp cho phường")
    workflow.return_to_coordinator(db.session, second, officer, "Không thuộc thẩm quyền")
    db.session.commit()
    today = local_today()
    counts = metrics.responsibility_counts(db.session, today - timedelta(days=1), today + timedelta(days=1))
    assert counts["SO-XD"]["transfers"] == 1 and counts["SO-XD"]["returns"] == 1


def test_two_writers_on_two_connections_the_second_gets_a_conflict(app, db, petition_factory):
    """Optimistic locking with two real connections (two sessions), on SQLite and PostgreSQL alike."""
    code = petition_factory(category="giao-thong").code
    first, second = new_session(), new_session()
    try:
        mine = first.query(Petition).filter_by(code=code).one()
        theirs = second.query(Petition).filter_by(code=code).one()
        mine.title = "Sửa bởi cán bộ A"
        first.commit()
        theirs.title = "Sửa bởi cán bộ B"
        with pytest.raises(StaleDataError):
            second.commit()
        second.rollback()
    finally:
        first.close()
        second.close()
    db.session.expire_all()
    assert db.session.query(Petition).filter_by(code=code).one().title == "Sửa bởi cán bộ A"


def test_only_a_coordinator_or_an_admin_assigns_by_hand(db, petition_factory, make_user):
    from portal.domain.routing import HandAssignment, assign_by_hand

    petition = petition_factory(category="giao-thong", triage=True)
    form = HandAssignment(category_code="moi-truong", agency_code="SO-NNMT", responsible_official="Trưởng phòng",
                          task="Kiểm tra", due_date=None, expected_result="Trả lời người dân")
    for role, agency_code in (("agency_head", "SO-XD"), ("agency_officer", "SO-XD"), ("operator", None),
                              ("committee", None)):
        with pytest.raises(Forbidden):
            assign_by_hand(db.session, petition, form, make_user(role, agency_code))
    assert petition.category.code == "giao-thong" and petition.needs_triage
    assert db.session.query(Assignment).filter_by(petition_id=petition.id).count() == 0
    assignment = assign_by_hand(db.session, petition, form, make_user("coordinator"))
    assert assignment.lead_agency.code == "SO-NNMT" and petition.category.code == "moi-truong"

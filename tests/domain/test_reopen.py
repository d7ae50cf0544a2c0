"""A published answer rated "not resolved" within 7 days of publication goes back to be handled again: to the same
agency with a new deadline the first time, to the coordinator the second; later, the rating is only stored. The
figures count every such reopening, from the rollups as from a scan of the event log."""
from datetime import date, datetime, timedelta

import pytest

from portal.domain import calendar, metrics, rollups, workflow
from portal.domain.lifecycle import allowed_actions
from portal.domain.metrics import Filters, Period
from portal.domain.ratings import rate_petition
from portal.domain.workspace import tab_of
from portal.models import Category, OutboxMessage, PetitionEvent
from tests import oracles
from tests.oracles import snapshot

SCORES = {"access": 2, "procedure": 2, "staff": 3, "result": 1, "feedback": 2}
ANSWER = "<p>Đơn vị đã vá xong ổ gà trên đường Nguyễn Văn Linh.</p>"


@pytest.fixture
def staff(make_user):
    return {"officer": make_user("agency_officer", "SO-XD"), "head": make_user("agency_head", "SO-XD"),
            "coordinator": make_user("coordinator")}


def publish(db, petition, staff):
    workflow.submit_answer(db.session, petition, staff["officer"], ANSWER)
    workflow.approve_answer(db.session, petition, staff["head"])
    db.session.commit()


@pytest.fixture
def published(db, petition_factory, staff):
    petition = petition_factory(category="giao-thong")
    publish(db, petition, staff)
    return petition


def freeze(monkeypatch, moment: datetime):
    """The calendar's clock (and so Vietnam's today) at `moment`, naive UTC."""
    monkeypatch.setattr(calendar, "utcnow", lambda: moment)


def events_to(db, petition, status):
    return db.session.query(PetitionEvent).filter_by(petition_id=petition.id, to_status=status).all()


def mail_to(db, user):
    return [m.content["subject"] for m in db.session.query(OutboxMessage).filter_by(recipient=user.email)]


def test_not_resolved_within_seven_days_reopens_with_the_same_agency_and_a_new_deadline(db, published, staff,
                                                                                        monkeypatch):
    friday = datetime(2026, 12, 4, 3, 0)  # 10:00 on Friday 4 December in Vietnam
    published.published_at = friday - timedelta(days=6)
    db.session.commit()
    freeze(monkeypatch, friday)
    agency_id = published.agency_id
    rate_petition(db.session, published, SCORES, False, "Ổ gà vẫn còn, trời mưa lại đọng nước.")
    db.session.commit()
    assert published.status == "reopened" and published.agency_id == agency_id
    # 10 working days of giao-thong counted from Friday: two weekends skipped.
    assert published.due_date == date(2026, 12, 18)
    assert published.assignments.filter_by(active=True).one().due_date == date(2026, 12, 18)
    (event,) = events_to(db, published, "reopened")
    assert event.public and event.from_status == "published"
    assert "Ổ gà vẫn còn, trời mưa lại đọng nước." in event.note and "18/12/2026" in event.note


def test_the_new_deadline_skips_tet(db, published, monkeypatch):
    before_tet = datetime(2027, 2, 3, 2, 0)  # Wednesday 3 February 2027, the week before Tết Đinh Mùi
    published.published_at = before_tet - timedelta(days=1)
    db.session.commit()
    freeze(monkeypatch, before_tet)
    rate_petition(db.session, published, SCORES, False)
    db.session.commit()
    # Without Tết (4–10 February off) ten working days would end on 17 February.
    assert published.due_date == date(2027, 2, 24)


def test_the_comment_goes_on_the_timeline_redacted(db, published):
    rate_petition(db.session, published, SCORES, False, "Chưa sửa gì cả, gọi tôi số 0903123456 để kiểm tra.")
    db.session.commit()
    (event,) = events_to(db, published, "reopened")
    assert "Chưa sửa gì cả" in event.note and "0903123456" not in event.note
    assert published.rating.comment.endswith("0903123456 để kiểm tra.")  # the rating itself keeps the words


def test_the_agency_is_notified_and_handles_it_again(db, published, staff):
    published.overdue_marked_at = published.published_at  # it had been overdue before its first answer
    rate_petition(db.session, published, SCORES, False, "Chưa được giải quyết.")
    db.session.commit()
    assert f"Phản ánh được mở lại: {published.code}" in mail_to(db, staff["officer"])
    assert f"Phản ánh được mở lại: {published.code}" in mail_to(db, staff["head"])
    assert published.overdue_marked_at is None  # the overdue sweep watches the new deadline
    assert tab_of(published.status) == "open"
    assert {"accept", "answer", "request_extension", "return", "transfer"} <= allowed_actions(published,
                                                                                              staff["officer"])
    workflow.submit_answer(db.session, published, staff["officer"], ANSWER)
    assert published.status == "answered"


def test_after_seven_days_the_rating_is_only_stored(db, published, monkeypatch):
    published.published_at = calendar.utcnow() - timedelta(days=8)
    db.session.commit()
    rating = rate_petition(db.session, published, SCORES, False, "Vẫn chưa sửa.")
    db.session.commit()
    assert published.status == "published" and rating.resolved is False and rating.comment == "Vẫn chưa sửa."
    assert events_to(db, published, "reopened") == []


def test_seven_days_are_counted_on_vietnams_calendar(db, published, monkeypatch):
    # Published at 00:30 on 2 December in Vietnam (still 1 December in UTC); rated at 23:30 on 9 December: the
    # seventh day in Vietnam, though the eighth in UTC and more than 7 × 24 hours later.
    published.published_at = datetime(2026, 12, 1, 17, 30)
    db.session.commit()
    freeze(monkeypatch, datetime(2026, 12, 9, 16, 30))
    rate_petition(db.session, published, SCORES, False)
    assert published.status == "reopened"


def test_resolved_changes_nothing(db, published):
    rate_petition(db.session, published, SCORES, True, "Cảm ơn.")
    db.session.commit()
    assert published.status == "published" and events_to(db, published, "reopened") == []


def test_the_second_not_resolved_goes_to_the_coordinator(db, published, staff):
    rate_petition(db.session, published, SCORES, False, "Chưa sửa.")
    db.session.commit()
    publish(db, published, staff)  # answered again and published
    rating = rate_petition(db.session, published, SCORES, False, "Vẫn như cũ.")
    db.session.commit()
    assert rating.comment == "Vẫn như cũ."  # the new answer could be rated, though the first was rated before
    assert published.status == "returned" and published.needs_triage
    (event,) = events_to(db, published, "returned")
    assert "bộ phận điều phối" in event.note and "Vẫn như cũ." in event.note
    assert f"Phản ánh mở lại lần hai: {published.code}" in mail_to(db, staff["coordinator"])
    assert len(events_to(db, published, "reopened")) == 1
    assert "assign" in allowed_actions(published, staff["coordinator"])


def test_a_closed_answer_can_still_be_reopened(db, published):
    from portal.domain.lifecycle import transition

    transition(db.session, published, "closed", note="Người dân xác nhận vấn đề đã được giải quyết.")
    db.session.commit()
    rate_petition(db.session, published, SCORES, False, "Thật ra chưa xong.")
    db.session.commit()
    assert published.status == "reopened" and published.closed_at is None


def reopen_twice(db, petition_factory, staff):
    """One petition reopened then sent to the coordinator, one reopened once, one with an ordinary return."""
    twice = petition_factory(category="giao-thong", channel="hotline")
    publish(db, twice, staff)
    rate_petition(db.session, twice, SCORES, False)
    db.session.commit()
    publish(db, twice, staff)
    rate_petition(db.session, twice, SCORES, False)
    once = petition_factory(category="giao-thong")
    publish(db, once, staff)
    rate_petition(db.session, once, SCORES, False)
    workflow.return_to_coordinator(db.session, petition_factory(category="giao-thong"), staff["officer"],
                                   "Không thuộc thẩm quyền của Sở")
    db.session.commit()
    return twice, once


def test_reopenings_in_the_rollups_equal_a_scan(db, petition_factory, staff):
    reopen_twice(db, petition_factory, staff)
    today = calendar.local_today()
    period = Period(today - timedelta(days=3), today + timedelta(days=1))
    so_xd = staff["officer"].agency_id
    assert metrics.reopen_counts(db.session, period) == oracles.scan_reopen_counts(db.session, period) == {so_xd: 3}
    hotline = Filters(channel="hotline")
    assert (metrics.reopen_counts(db.session, period, hotline)
            == oracles.scan_reopen_counts(db.session, period, hotline) == {so_xd: 2})
    traffic = Filters(category_id=db.session.query(Category).filter_by(code="giao-thong").one().id)
    assert metrics.reopen_counts(db.session, period, traffic) == {so_xd: 3}
    # The second "not resolved" is a reopening, not the agency's return: only the ordinary return counts as one.
    responsibility = metrics.responsibility_counts(db.session, period.first, period.last)["SO-XD"]
    assert responsibility["returns"] == 1
    assert responsibility == oracles.scan_responsibility(db.session, period.first, period.last)["SO-XD"]
    kept = snapshot(db.session)
    rollups.rebuild(db.session)
    assert snapshot(db.session) == kept


def test_reopened_and_reopen_rate_per_agency_and_overall(db, petition_factory, staff):
    reopen_twice(db, petition_factory, staff)
    today = calendar.local_today()
    ranking = metrics.agency_ranking(db.session, today - timedelta(days=3), today, min_sample=1)
    assert ranking == oracles.scan_ranking(db.session, today - timedelta(days=3), today, min_sample=1)
    row = next(r for r in ranking["agencies"] if r["code"] == "SO-XD")
    # Each petition counts its latest publication as its answer: 3 reopenings ÷ 2 answers published.
    assert (row["reopened"], row["answered"], row["reopen_rate"]) == (3, 2, 150.0)
    assert (ranking["overall"]["reopened"], ranking["overall"]["reopen_rate"]) == (3, 150.0)
    quiet = next(r for r in ranking["agencies"] if r["code"] != "SO-XD")
    assert quiet["reopened"] == 0 and quiet["reopen_rate"] is None

"""Senders' contact details are anonymised a configured time after their petition ends, or earlier on request;
the trail says so without repeating them, and no figure moves."""
import json
from datetime import datetime, timedelta

from portal.domain import metrics, workflow
from portal.domain.calendar import local_date
from portal.domain.lifecycle import transition
from portal.domain.ratings import SCORE_ELEMENTS, rate_petition
from portal.domain.retention import ERASED_EVENT, erase_contact, months_before, sweep_retention
from portal.models import Apology, OutboxMessage, Petition, PetitionEvent
from portal.models.audit import AuditEntry
from portal.models.base import utcnow
from portal.text.search import search_petitions
from tests.oracles import scan_ranking

NAME, PHONE, EMAIL, HOUSE = "Trần Thị Mai", "0905123456", "mai.tran@example.com", "số 12 kiệt 34 Hải Phòng"
CONTENT = (f"Tôi là Trần Thị Mai, nhà ở số 12 kiệt 34 Hải Phòng, điện thoại 0905.123.456 hoặc +84 905 123 456, "
           f"thư mai.tran@example.com. Toi ten la tran thi mai. Đường Nguyễn Văn Linh có nhiều ổ gà sâu, "
           f"trời mưa đọng nước, xe máy đi qua rất nguy hiểm.")


def with_contact(petition_factory, **fields):
    return petition_factory(content=CONTENT, title="Trần Thị Mai báo ổ gà", reporter_name=NAME, reporter_phone=PHONE,
                            reporter_email=EMAIL, address=HOUSE, lat=16.0543219, lng=108.2029876, category="giao-thong",
                            **fields)


def publish(db, petition, make_user, body="<p>Cảm ơn bà Trần Thị Mai (0905 123 456) đã phản ánh; đã vá ổ gà.</p>"):
    workflow.submit_answer(db.session, petition, make_user("agency_officer", "SO-XD"), body)
    workflow.approve_answer(db.session, petition, make_user("agency_head", "SO-XD"))
    db.session.commit()
    return petition


def months_later(months: int, days: int = 0) -> datetime:
    """`months` calendar months after now, and `days` more: the sweep run in the future instead of backdating."""
    return months_before(utcnow(), -months) + timedelta(days=days)


def assert_anonymised(db, petition: Petition):
    db.session.refresh(petition)
    assert petition.contact_erased_at is not None
    assert (petition.reporter_name, petition.reporter_phone, petition.reporter_email, petition.address) == \
        (None, None, None, "")
    assert (petition.lat, petition.lng) == (16.054, 108.203)
    texts = [petition.title, petition.content, petition.public_title or "", petition.public_content or "",
             petition.search_staff]
    texts += [a.body_html + (a.published_html or "") for a in petition.answers]
    texts += [e.note for e in petition.events]
    texts += [a.task for a in petition.assignments] + [petition.apology.body_html if petition.apology else ""]
    for text in texts:
        for private in ("Trần Thị Mai", "tran thi mai", "0905", "905 123 456", "mai.tran@"):
            assert private not in text.lower() and private not in text, (private, text)
    # The house address as the sender gave it (the public version was redacted differently before).
    assert "kiệt 34" not in petition.content and "kiet 34" not in petition.search_staff
    assert "ổ gà" in petition.content and "[họ tên]" in petition.content


def test_months_before_counts_calendar_months_and_clamps_the_day():
    assert months_before(datetime(2026, 12, 3, 7, 30), 24) == datetime(2024, 12, 3, 7, 30)
    assert months_before(datetime(2026, 3, 31), 1) == datetime(2026, 2, 28)
    assert months_before(datetime(2026, 1, 15), 13) == datetime(2024, 12, 15)
    assert months_before(datetime(2026, 1, 15), -12) == datetime(2027, 1, 15)


def test_sweep_anonymises_24_months_after_publication_and_not_a_day_before(db, petition_factory, make_user):
    petition = publish(db, with_contact(petition_factory), make_user)
    letter = "<p>Kính gửi bà Trần Thị Mai (số 12 kiệt 34 Hải Phòng),</p><p>Sở Xây dựng xin lỗi.</p>"
    db.session.add(Apology(petition=petition, agency_id=petition.agency_id, missed_due_date=petition.due_date,
                           body_html=letter))
    db.session.commit()
    assert NAME in petition.assignments.first().task  # the assignment quotes the title
    assert sweep_retention(db.session, months_later(24, days=-1), 24) == 0
    db.session.refresh(petition)
    assert petition.reporter_name == NAME and petition.contact_erased_at is None
    assert sweep_retention(db.session, months_later(24, days=1), 24) == 1
    assert_anonymised(db, petition)
    erased = [e for e in petition.events if e.kind == ERASED_EVENT]
    assert len(erased) == 1 and "24 tháng" in erased[0].note
    assert sweep_retention(db.session, months_later(36), 24) == 0  # once only
    assert search_petitions(db.session, "tran thi mai", published_only=False) == []
    assert search_petitions(db.session, "0905123456", published_only=False) == []
    assert search_petitions(db.session, "o ga", published_only=False) == [petition]


def test_sweep_takes_every_ended_petition_and_leaves_open_ones(db, petition_factory, make_user):
    open_one = with_contact(petition_factory)
    rejected = with_contact(petition_factory, triage=True)
    transition(db.session, rejected, "rejected", note="Không thuộc thẩm quyền giải quyết của tỉnh.")
    withdrawn = with_contact(petition_factory)
    transition(db.session, withdrawn, "withdrawn", note="Người gửi rút.")
    closed = publish(db, with_contact(petition_factory), make_user)
    transition(db.session, closed, "closed")
    db.session.commit()
    assert sweep_retention(db.session, months_later(25), 24) == 3
    for petition in (rejected, withdrawn, closed):
        assert_anonymised(db, petition)
    db.session.refresh(open_one)
    assert open_one.reporter_phone == PHONE and open_one.contact_erased_at is None


def test_the_retention_period_is_configurable(db, petition_factory, make_user):
    petition = publish(db, with_contact(petition_factory), make_user)
    assert sweep_retention(db.session, months_later(6, days=1), 12) == 0
    assert sweep_retention(db.session, months_later(6, days=1), 6) == 1
    assert "6 tháng" in petition.events.filter_by(kind=ERASED_EVENT).one().note


def test_flask_sweep_runs_the_retention_step(app, db, petition_factory, make_user, runner):
    petition = publish(db, with_contact(petition_factory), make_user)
    future = months_later(24, days=2).date().isoformat()
    result = runner.invoke(args=["sweep", "--today", future])
    assert result.exit_code == 0, result.output
    assert "1 petitions' contact details anonymised (24 months" in result.output
    assert_anonymised(db, petition)


def test_erasure_forgets_the_mail_queued_for_the_sender(db, petition_factory, make_user):
    petition = with_contact(petition_factory)  # "assigned" queued a notice to the sender
    queued = db.session.query(OutboxMessage).filter_by(recipient=EMAIL).all()
    assert queued
    queued[0].status, queued[0].sent_at = "sent", utcnow()
    db.session.commit()
    assert erase_contact(db.session, petition, reason="sender")
    db.session.commit()
    assert db.session.query(OutboxMessage).filter_by(recipient=EMAIL).count() == 0
    assert db.session.query(OutboxMessage).filter_by(recipient="").count() == 1  # sent: kept, without the address


def test_the_trails_record_the_erasure_without_the_erased_values(db, petition_factory, make_user):
    petition = with_contact(petition_factory)
    assert erase_contact(db.session, petition, reason="sender")
    db.session.commit()
    event = db.session.query(PetitionEvent).filter_by(petition_id=petition.id, kind=ERASED_EVENT).one()
    assert "theo yêu cầu của người gửi" in event.note and event.public and event.actor_label == "Người gửi"
    assert NAME not in event.note and PHONE not in event.note and EMAIL not in event.note
    swept = publish(db, with_contact(petition_factory), make_user)
    sweep_retention(db.session, months_later(25), 24)
    entries = db.session.query(AuditEntry).filter_by(object_type="petition").all()
    assert {(e.object_id, e.action, e.actor_label) for e in entries} == {
        (petition.code, "update", "người gửi (trang tra cứu)"), (swept.code, "update", "hệ thống (thời hạn lưu trữ)")}
    for entry in entries:
        changes = json.loads(entry.changes)
        assert set(changes) == {"reporter_name", "reporter_phone", "reporter_email", "address", "lat", "lng"}
        assert changes["reporter_phone"] == ["***", None] and changes["lat"] == ["***", "≈100 m"]
        assert not any(value in entry.changes for value in (NAME, PHONE, EMAIL, "kiệt 34", "16.0543"))
    assert not erase_contact(db.session, petition, reason="sender")  # a second request changes nothing


def figures(db) -> dict:
    today = local_date(utcnow())
    first = today.replace(day=1) - timedelta(days=40)
    period = metrics.Period(first, today)
    return {
        "ranking": metrics.agency_ranking(db.session, first, today, min_sample=1),
        "from the archive": scan_ranking(db.session, first, today, min_sample=1),
        "trend": metrics.monthly_trend(db.session, today),
        "heat": metrics.heat_map(db.session, period),
        "responsibility": metrics.responsibility_counts(db.session, first, today),
    }


def test_figures_are_the_same_before_and_after_anonymisation(db, petition_factory, make_user):
    rated = publish(db, with_contact(petition_factory), make_user)
    rate_petition(db.session, rated, {name: 5 for name in SCORE_ELEMENTS}, True, "Cảm ơn, đã sửa xong.")
    publish(db, with_contact(petition_factory), make_user)
    rejected = with_contact(petition_factory, triage=True)
    workflow.reject(db.session, rejected, make_user("coordinator"), "out_of_scope",
                    "Không thuộc thẩm quyền giải quyết của tỉnh.")
    with_contact(petition_factory)  # open
    db.session.commit()
    before = figures(db)
    assert before["ranking"]["agencies"] and any(row["received"] for row in before["ranking"]["agencies"])
    for petition in db.session.query(Petition):
        erase_contact(db.session, petition, reason="sender")
    db.session.commit()
    assert figures(db) == before


def test_one_sweep_does_at_most_its_share_and_the_next_one_goes_on(db, petition_factory, make_user):
    for _ in range(3):
        publish(db, with_contact(petition_factory), make_user)
    assert sweep_retention(db.session, months_later(25), 24, batch=2, most=2) == 2
    assert sweep_retention(db.session, months_later(25), 24, batch=2, most=2) == 1
    assert db.session.query(Petition).filter(Petition.contact_erased_at.is_(None)).count() == 0


def test_erasure_reaches_the_dialogue_session_and_its_audit_trail(db, petition_factory):
    from portal.domain import dialogue as dialogues
    from portal.domain.petitions import PetitionDraft

    session = dialogues.create_session(db.session, leader_name="Lê Văn Chủ Trì", leader_office="Chủ tịch UBND phường",
                                       level="commune", held_at=utcnow() - timedelta(days=1), venue="Nhà văn hoá",
                                       participants=40, topics="Bà Trần Thị Mai hỏi về ổ gà.", conclusion_days=3)
    dialogues.mark_held(session)
    receipt = dialogues.record_petition(db.session, session, PetitionDraft(
        content=CONTENT, category_code="giao-thong", reporter_name=NAME, reporter_phone=PHONE))
    dialogues.publish_conclusion(session, "Kết luận: giao Sở Xây dựng trả lời bà Trần Thị Mai (0905 123 456) "
                                          "về ổ gà trên đường Nguyễn Văn Linh.")
    db.session.commit()
    trail = db.session.query(AuditEntry).filter_by(object_type="dialogue_session", object_id=str(session.id))
    assert any(NAME in entry.changes for entry in trail)
    assert erase_contact(db.session, db.session.get(Petition, receipt.petition_id), reason="sender")
    db.session.commit()
    db.session.expire_all()
    for text in (session.topics, session.conclusion_text, session.public_conclusion or "",
                 *(entry.changes for entry in trail)):
        assert NAME not in text and "0905 123 456" not in text, text
    assert "Lê Văn Chủ Trì" in session.leader_name and "Nguyễn Văn Linh" in session.conclusion_text
    json.loads(trail.all()[-1].changes)  # still JSON

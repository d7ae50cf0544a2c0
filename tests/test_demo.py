"""The demo data a first visitor sees: a province's month, made by the workflow, not three stories repeated."""
from datetime import timedelta

import pytest

from portal.domain.calendar import local_date
from portal.domain.lifecycle import STATUSES
from portal.domain.taxonomy import read_taxonomy
from portal.models import CHANNELS, Category, DialogueSession, Petition, PetitionEvent, Rating
from portal.models.base import utcnow
from tests.conftest import shared_data_loaded, shared_data_now_loaded


@pytest.fixture
def demo(runner, db, request):
    """The demo data, loaded once for the tests marked as only reading it."""
    if not shared_data_loaded(request):
        result = runner.invoke(args=["seed-demo"])
        assert result.exit_code == 0, result.output
        shared_data_now_loaded(request)
    return db


reads_demo = pytest.mark.reads_shared_data("demo")


@reads_demo
def test_demo_is_40_distinct_petitions_in_every_state_channel_and_category_and_two_dialogues(demo):
    titles = [title for (title,) in demo.session.query(Petition.title)]
    assert len(titles) >= 40 and len(set(titles)) == len(titles)
    assert len({content for (content,) in demo.session.query(Petition.content)}) == len(titles)
    assert {status for (status,) in demo.session.query(Petition.status)} == set(STATUSES)
    assert {channel for (channel,) in demo.session.query(Petition.channel)} == set(CHANNELS)
    used = {code for (code,) in demo.session.query(Category.code).join(Petition, Petition.category_id == Category.id)}
    assert used == {item["code"] for item in read_taxonomy()["categories"]}
    assert len({ward for (ward,) in demo.session.query(Petition.ward_code)}) >= 10
    sessions = demo.session.query(DialogueSession).filter_by(kind="dialogue").filter(
        DialogueSession.status != "planned").all()
    assert len(sessions) == 2 and {s.status for s in sessions} == {"held", "concluded"}
    for dialogue in sessions:
        raised = demo.session.query(Petition).filter_by(dialogue_session_id=dialogue.id).all()
        assert raised and {p.channel for p in raised} == {"dialogue"}


@reads_demo
def test_demo_is_dated_over_the_past_month_with_overdue_rated_and_late_answers(demo):
    now = utcnow()
    created = [at for (at,) in demo.session.query(Petition.created_at)]
    assert min(created) >= now - timedelta(days=31) and max(created) < now
    assert len({local_date(at) for at in created}) >= 15
    for petition in demo.session.query(Petition):
        moments = [e.at for e in petition.events.order_by(None).order_by(PetitionEvent.id)]
        assert moments == sorted(moments) and moments[0] >= petition.created_at and moments[-1] < now, petition.code
    today = local_date(now)
    overdue = demo.session.query(Petition).filter(Petition.status.in_(("assigned", "in_progress")),
                                                  Petition.due_date < today)
    assert overdue.count() >= 3
    assert demo.session.query(Rating).count() >= 5
    answered = demo.session.query(Petition).filter(Petition.answered_on_time.isnot(None))
    assert {p.answered_on_time for p in answered} == {True, False}


@reads_demo
def test_demo_rollups_equal_a_rebuild_from_the_archive(demo):
    from portal.domain.rollups import rebuild
    from tests.oracles import snapshot

    kept = snapshot(demo.session)
    rebuild(demo.session)
    assert snapshot(demo.session) == kept


@reads_demo
def test_demo_timeline_notes_name_the_due_dates_the_petitions_have(demo):
    for petition in demo.session.query(Petition).filter(Petition.due_date.isnot(None)):
        assigned = petition.events.filter_by(to_status="assigned").first()
        if assigned is not None and not petition.extension_used and petition.status != "transferred":
            assert f"hạn {petition.due_date:%d/%m/%Y}" in assigned.note, petition.code
        extended = petition.events.filter_by(to_status="extended").first()
        if extended is not None:
            assert f"đến {petition.due_date:%d/%m/%Y}" in extended.note, petition.code


@reads_demo
def test_demo_leaders_have_a_month_of_reception_days_one_obligation_missed_and_questions_ahead(demo):
    from portal.domain import leaders
    from portal.domain.calendar import local_today

    last = local_today().replace(day=1) - timedelta(days=1)
    rows = leaders.compliance(demo.session, last.replace(day=1), last, local_today())
    assert len(rows) == 3 and [row.holder.name for row in rows if not row.compliant] == ["Nguyễn Văn Phước"]
    planned = demo.session.query(DialogueSession).filter_by(status="planned").order_by(DialogueSession.held_at).all()
    assert len(planned) == 2 and planned[0].target_group == "thanh-nien"
    questions = demo.session.query(Petition).filter_by(dialogue_session_id=planned[0].id).all()
    assert len(questions) == 2 and all(q.intake_step is None for q in questions)
    [received] = demo.session.query(Petition).filter_by(channel="reception").all()
    assert received.assignments.one().task.startswith("Thực hiện ý kiến chỉ đạo của đồng chí Trần Thị Hạnh")

"""Candidates for an ad hoc reception (Quy định 11-QĐi/TW): petitions built to hit each sign, one hitting two, one
hitting none, one ended and one settled by a published answer; every reason named, the heaviest first."""
from datetime import timedelta

from portal.domain import workflow
from portal.domain.ad_hoc_reception import ad_hoc_candidates
from portal.domain.calendar import local_today, utcnow
from portal.domain.lifecycle import transition
from portal.models import Agency

# The petitions are received now, by the intake road: the candidates are looked for now too.
NOW = utcnow()
TODAY = local_today()


def answered_and_published(db, petition):
    for status in ("in_progress", "answered", "published"):
        transition(db.session, petition, status)


def urgent_overdue(petition):
    petition.priority = "urgent"
    petition.due_at = NOW - timedelta(hours=2)


def test_each_sign_flags_a_petition_with_its_reasons_heaviest_first(db, petition_factory, make_user):
    coordinator = make_user("coordinator")
    quiet, supported, both, ended, settled = (
        petition_factory(content=f"Phản ánh số {n}: " + "mặt đường hư hỏng " * 3) for n in range(5))
    supported.supporters = 20
    supported.created_at -= timedelta(days=40)
    both.supporters = 31
    urgent_overdue(both)
    ended.supporters = 50
    for status in ("in_progress", "answered", "published", "closed"):
        transition(db.session, ended, status)
    settled.supporters = 45  # answered and published: settled unless the citizen has it reopened
    answered_and_published(db, settled)

    urgent = petition_factory(content="Cây đổ chắn ngang đường, nguy hiểm cho người qua lại " * 2)
    urgent_overdue(urgent)

    transferred = petition_factory(content="Đèn tín hiệu giao thông hỏng nhiều ngày tại ngã tư " * 2)
    other = db.session.query(Agency).filter(Agency.id != transferred.agency_id).order_by(Agency.id).first()
    workflow.transfer(db.session, transferred, coordinator, other, "Thuộc thẩm quyền cơ quan khác.")

    bounced = petition_factory(content="Rác thải tồn đọng lâu ngày ở đầu hẻm, bốc mùi " * 2)
    for status in ("transferred", "transferred", "returned"):  # three hand-overs, still one agency on record
        transition(db.session, bounced, status, note="Không thuộc thẩm quyền.")

    reopened = petition_factory(content="Nước ngập sau mỗi trận mưa tại khu dân cư " * 2)
    for _ in range(2):
        answered_and_published(db, reopened)
        transition(db.session, reopened, "reopened", note="Người dân đánh giá chưa giải quyết.")
    db.session.commit()

    candidates = ad_hoc_candidates(db.session, NOW, TODAY)
    found = {c.petition.code: c.reasons for c in candidates}
    assert found == {both.code: {"urgent_overdue": 1, "supporters": 31},
                     urgent.code: {"urgent_overdue": 1},
                     reopened.code: {"reopened": 2},
                     transferred.code: {"agencies": 2},
                     bounced.code: {"transfers": 3},
                     supported.code: {"supporters": 20}}
    assert [c.petition.code for c in candidates] == [both.code, urgent.code, reopened.code, transferred.code,
                                                      bounced.code, supported.code]
    assert quiet.code not in found and ended.code not in found and settled.code not in found
    assert candidates[0].reason_texts() == ["Khẩn cấp và đã quá hạn", "31 người cùng ủng hộ"]
    assert candidates[0].reason_texts("en") == ["Urgent and overdue", "31 supporters"]
    assert candidates[-1].age_days == 40


def test_below_every_threshold_nothing_is_flagged(db, petition_factory):
    petition = petition_factory()
    petition.supporters = 19
    petition.priority = "urgent"
    petition.due_at = NOW + timedelta(hours=1)  # urgent, not yet due
    transition(db.session, petition, "returned", note="Trả lại bộ phận điều phối.")
    db.session.commit()
    assert ad_hoc_candidates(db.session, NOW, TODAY) == []

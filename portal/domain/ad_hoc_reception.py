"""Candidates for an ad hoc reception (tiếp dân đột xuất, Quy định 11-QĐi/TW): matters that are complex, prolonged,
involve many people or several agencies, or may cause serious consequences. Flagged from the data for the committee,
with every reason a petition hits; the thresholds are in portal/data/leaders.json ("ad_hoc_candidates")."""
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, func, or_

from portal.domain import leaders
from portal.domain.calendar import local_date
from portal.domain.lifecycle import OPEN_STATUSES, PUBLISHED_STATUSES
from portal.models import Assignment, Petition, PetitionEvent

# The heavier reasons first: a deadline already missed on an urgent matter outweighs a count of supporters.
REASONS = {
    "urgent_overdue": (5, "Khẩn cấp và đã quá hạn", "Urgent and overdue"),
    "reopened": (4, "Mở lại {n} lần", "Reopened {n} times"),
    "agencies": (3, "Qua {n} cơ quan xử lý", "Handled by {n} agencies"),
    "transfers": (2, "Chuyển, trả lại {n} lần", "Transferred or returned {n} times"),
    "supporters": (1, "{n} người cùng ủng hộ", "{n} supporters"),
}


@dataclass
class Candidate:
    petition: Petition
    reasons: dict = field(default_factory=dict)  # reason code → the figure that crossed its threshold
    age_days: int = 0

    @property
    def weight(self) -> int:
        return sum(REASONS[code][0] for code in self.reasons)

    def reason_texts(self, language: str = "vi") -> list[str]:
        column = 2 if language == "en" else 1
        return [REASONS[code][column].format(n=figure) for code, figure in self.reasons.items()]


def ad_hoc_candidates(session, now: datetime, today: date, limit: int = 100) -> list[Candidate]:
    """Petitions still being handled (lifecycle.OPEN_STATUSES: not ended, and not settled by a published answer; one
    the citizen finds unresolved comes back as reopened) that hit at least one sign, heaviest first, then oldest
    first. Each look-up starts from an index (status, or the rare transitions' to_status), as the dashboard runs
    it at every visit."""
    limits = leaders.settings("ad_hoc_candidates")
    hits: dict[int, dict] = {}
    for code, rows in (("urgent_overdue", _urgent_overdue(session, now, today)),
                       ("reopened", _reopenings(session, int(limits["reopenings"]))),
                       ("agencies", _agencies(session, int(limits["agencies"]))),
                       ("transfers", _transfers_and_returns(session, int(limits["transfers_and_returns"]))),
                       ("supporters", _supporters(session, int(limits["supporters"])))):
        for petition_id, figure in rows:
            hits.setdefault(petition_id, {})[code] = figure
    if not hits:
        return []
    petitions = session.query(Petition).filter(Petition.id.in_(list(hits))).all()
    candidates = [Candidate(p, {code: hits[p.id][code] for code in REASONS if code in hits[p.id]},
                            (today - local_date(p.created_at)).days) for p in petitions]
    candidates.sort(key=lambda c: (-c.weight, c.petition.created_at, c.petition.id))
    return candidates[:limit]


HANDLED = Petition.status.in_(sorted(OPEN_STATUSES))


def _urgent_overdue(session, now: datetime, today: date):
    past_due = or_(Petition.due_at < now, and_(Petition.due_at.is_(None), Petition.due_date < today))
    return [(petition_id, 1) for (petition_id,) in session.query(Petition.id).filter(
        HANDLED, Petition.priority == "urgent", past_due)]


def _transition_counts(session, condition, threshold: int):
    return (session.query(PetitionEvent.petition_id, func.count(PetitionEvent.id))
            .join(Petition, Petition.id == PetitionEvent.petition_id)
            .filter(HANDLED, PetitionEvent.kind == "transition", condition)
            .group_by(PetitionEvent.petition_id).having(func.count(PetitionEvent.id) >= threshold).all())


def _reopenings(session, threshold: int):
    """Sent back after an answer was published (lifecycle.is_reopening)."""
    return _transition_counts(session, and_(PetitionEvent.from_status.in_(PUBLISHED_STATUSES),
                                            PetitionEvent.to_status.in_(("reopened", "returned"))), threshold)


def _transfers_and_returns(session, threshold: int):
    """Handed to another agency or given back to the coordinator while being handled (reopenings not counted)."""
    not_reopening = or_(PetitionEvent.from_status.is_(None), PetitionEvent.from_status.notin_(PUBLISHED_STATUSES))
    return _transition_counts(session, and_(PetitionEvent.to_status.in_(("transferred", "returned")), not_reopening),
                              threshold)


def _agencies(session, threshold: int):
    """Led in turn by this many different agencies (each assignment, the transferred ones too, stays on record)."""
    distinct = func.count(func.distinct(Assignment.lead_agency_id))
    return (session.query(Assignment.petition_id, distinct).join(Petition, Petition.id == Assignment.petition_id)
            .filter(HANDLED).group_by(Assignment.petition_id).having(distinct >= threshold).all())


def _supporters(session, threshold: int):
    return session.query(Petition.id, Petition.supporters).filter(HANDLED, Petition.supporters >= threshold).all()

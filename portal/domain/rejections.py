"""Reasoned rejection: the fixed list of reasons, the note the sender reads, and the reading side (the sender's
tracking page and JSON, the coordinator's pending proposals, the committee's list). The steps themselves are
workflow.reject and workflow.propose_rejection."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_

from portal.domain.errors import ValidationFailed
from portal.domain.lifecycle import TRIAGE_STATUSES
from portal.domain.metrics import Period, rejected_by_reason_counts
from portal.domain.text import clean_text
from portal.models import NONE_ID, Agency, Petition, PetitionEvent, PetitionRejection

REASONS = {
    "spam": ("Tin rác, quảng cáo", "Spam or advertising"),
    "duplicate": ("Trùng với phản ánh đã gửi", "A duplicate of a petition already sent"),
    "out_of_scope": ("Không thuộc phạm vi giải quyết của chính quyền", "Outside the authorities' remit"),
    "abusive": ("Nội dung xúc phạm, vi phạm pháp luật", "Abusive or unlawful content"),
    "insufficient_information": ("Không đủ thông tin để xử lý", "Not enough information to act on"),
}
NOTE_MIN, NOTE_MAX = 10, 1000


def reason_label(reason: str, locale: str = "vi") -> str:
    vi, en = REASONS.get(reason, (reason, reason))
    return en if locale == "en" else vi


def clean_rejection(reason, note) -> tuple[str, str]:
    """The reason, checked against the list, and the note as plain text (NFC, no control characters, trimmed,
    NOTE_MIN to NOTE_MAX characters); it is escaped wherever it is shown, never read as HTML."""
    reason = clean_text(reason if isinstance(reason, str) else "")
    if reason not in REASONS:
        raise ValidationFailed("Chọn lý do từ chối trong danh sách: " + ", ".join(REASONS) + ".",
                               "Choose a reason from the list: " + ", ".join(REASONS) + ".", field="reason")
    note = clean_text((note if isinstance(note, str) else "").replace("\r\n", "\n"))
    if not NOTE_MIN <= len(note) <= NOTE_MAX:
        raise ValidationFailed(f"Lời giải thích cho người gửi cần từ {NOTE_MIN} đến {NOTE_MAX} ký tự.",
                               f"The note to the sender needs {NOTE_MIN} to {NOTE_MAX} characters.", field="note")
    return reason, note


def rejection_of(session, petition: Petition, kind: str = "rejection") -> PetitionRejection | None:
    """The petition's rejection (or its latest proposal), None without one."""
    return (session.query(PetitionRejection).filter_by(petition_id=petition.id, kind=kind)
            .order_by(PetitionRejection.id.desc()).first())


def pending_proposal(session, petition: Petition) -> PetitionRejection | None:
    """An agency head's proposal the coordinator has still to decide: the petition is back in triage, and was not
    assigned again since the proposal."""
    if petition.status not in TRIAGE_STATUSES:
        return None
    proposal = rejection_of(session, petition, "proposal")
    if proposal is None:
        return None
    # The proposal is stamped with the moment of its own return (workflow.propose_rejection): a later return is
    # another story.
    last_return = (petition.events.filter(PetitionEvent.to_status == "returned")
                   .order_by(PetitionEvent.id.desc()).first())
    return proposal if last_return is not None and proposal.at >= last_return.at else None


def sender_view(session, petition: Petition, locale: str = "vi") -> dict | None:
    """What the sender reads of a rejected petition: {reason, reason_label, note}. The note is shown to the
    sender only (the tracking page and JSON, behind the secret); a rejected petition is never published."""
    if petition.status != "rejected":
        return None
    rejection = rejection_of(session, petition)
    if rejection is None:
        return None
    return {"reason": rejection.reason, "reason_label": reason_label(rejection.reason, locale),
            "note": rejection.note}


@dataclass(frozen=True)
class RejectionPage:
    items: list
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def rejections_in(session, first: date, last: date, agency_id: int | None = None, page: int = 1,
                  per_page: int = 50) -> RejectionPage:
    """The committee's list: rejections decided in [first, last] (local days), newest first, one agency's or all."""
    period = Period(first, last)
    r = PetitionRejection
    query = session.query(r).filter(and_(r.kind == "rejection", r.at >= period.start, r.at < period.end))
    if agency_id:
        query = query.filter(r.agency_id == agency_id)
    total = query.count()
    items = query.order_by(r.at.desc(), r.id.desc()).offset((page - 1) * per_page).limit(per_page).all()
    return RejectionPage(items, total, page, per_page)


@dataclass(frozen=True)
class ReasonRow:
    """One agency's rejections in a period, per reason (agency None: rejected while still with the coordinator)."""

    agency: Agency | None
    by_reason: dict
    total: int


@dataclass(frozen=True)
class ReasonTable:
    rows: list[ReasonRow]
    by_reason: dict  # the column totals
    total: int


def rejections_by_reason(session, first: date, last: date, agency_id: int | None = None) -> ReasonTable:
    """The committee's table: rejections decided in [first, last] per agency and reason, the agency with most
    first, and the totals per reason; the same counts as `rejected_by_reason` in the metrics."""
    counts = rejected_by_reason_counts(session, Period(first, last))
    if agency_id:
        counts = {key: value for key, value in counts.items() if key == agency_id}
    agencies = {a.id: a for a in session.query(Agency).filter(Agency.id.in_(list(counts)))}
    rows = sorted((ReasonRow(agencies.get(key) if key != NONE_ID else None, by_reason, sum(by_reason.values()))
                   for key, by_reason in counts.items()),
                  key=lambda row: (-row.total, row.agency.code if row.agency else ""))
    by_reason = {reason: sum(row.by_reason[reason] for row in rows) for reason in REASONS}
    return ReasonTable(rows, by_reason, sum(by_reason.values()))

"""The petition state machine. Every change of status goes through `transition`,
which writes its PetitionEvent in the same unit of work, so the two commit together or not at all.
"""
from portal.domain.errors import IllegalTransition
from portal.models import Petition, PetitionEvent
from portal.models.base import utcnow

STATUS_LABELS = {
    "received": ("Đã tiếp nhận", "Received"),
    "assigned": ("Đã chuyển cơ quan xử lý", "Assigned"),
    "in_progress": ("Đang xử lý", "In progress"),
    "answered": ("Đã có dự thảo trả lời, chờ duyệt", "Answer awaiting approval"),
    "published": ("Đã công khai trả lời", "Answer published"),
    "closed": ("Đã đóng", "Closed"),
    "returned": ("Trả lại bộ phận điều phối", "Returned to the coordinator"),
    "transferred": ("Đã chuyển sang cơ quan khác", "Transferred"),
    "extended": ("Được gia hạn", "Extended"),
    "rejected": ("Không thuộc phạm vi xử lý", "Rejected"),
    "withdrawn": ("Người gửi đã rút", "Withdrawn"),
    "merged": ("Đã gộp vào phản ánh trùng", "Merged into a duplicate"),
}

# The only moves a petition may make. Side roads (returned, transferred, extended)
# rejoin the main road; rejected, withdrawn, merged and closed are ends.
TRANSITIONS: dict[str, frozenset[str]] = {
    "received": frozenset({"assigned", "rejected", "withdrawn", "merged"}),
    "assigned": frozenset({"in_progress", "returned", "transferred", "extended", "withdrawn", "merged", "assigned"}),
    "in_progress": frozenset({"answered", "returned", "transferred", "extended", "withdrawn", "merged"}),
    "extended": frozenset({"in_progress", "answered", "returned", "transferred", "withdrawn", "merged"}),
    "transferred": frozenset({"in_progress", "returned", "transferred", "extended", "withdrawn", "merged"}),
    "returned": frozenset({"assigned", "rejected", "withdrawn", "merged"}),
    "answered": frozenset({"published", "in_progress", "extended"}),
    "published": frozenset({"closed"}),
    "closed": frozenset(),
    "rejected": frozenset(),
    "withdrawn": frozenset(),
    "merged": frozenset(),
}
STATUSES = tuple(TRANSITIONS)
OPEN_STATUSES = frozenset({"received", "assigned", "in_progress", "extended", "transferred", "returned", "answered"})
FINAL_STATUSES = frozenset({"closed", "rejected", "withdrawn", "merged"})
# An approved answer is what publishes a petition: these are the statuses whose answer the public may read.
PUBLISHED_STATUSES = ("published", "closed")
# Ends that never get an answer: they leave the overdue count on the day they end, and no response rate counts them.
NEVER_ANSWERED = ("rejected", "withdrawn", "merged")
# Steps that need a written reason, because someone else must act on it.
REASON_REQUIRED = frozenset({"returned", "transferred", "rejected", "extended"})


def status_label(status: str, locale: str = "vi") -> str:
    vi, en = STATUS_LABELS.get(status, (status, status))
    return en if locale == "en" else vi


# Events that are not a change of status (record_event), named for the staff timeline.
EVENT_LABELS = {
    "call": ("Cuộc gọi đến đường dây nóng", "Hotline call"),
    "note": ("Ghi chú", "Note"),
    "rating": ("Người dân đánh giá", "Citizen's rating"),
    "overdue": ("Quá hạn, đã gửi thư xin lỗi", "Overdue, apology sent"),
    "extension_requested": ("Xin gia hạn", "Extension requested"),
    "extension_refused": ("Không đồng ý gia hạn", "Extension refused"),
    "coordination_requested": ("Đề nghị phối hợp", "Coordination requested"),
    "four_eyes_waived": ("Tự duyệt (cơ quan một người)", "Self-approved (one-person agency)"),
    "contact_erased": ("Đã xoá thông tin liên hệ", "Contact details erased"),
}


def event_label(event, locale: str = "vi") -> str:
    """What happened, in the reader's language: the new status, or the kind of event."""
    if event.to_status:
        return status_label(event.to_status, locale)
    vi, en = EVENT_LABELS.get(event.kind, (event.kind, event.kind))
    return en if locale == "en" else vi


def can_transition(from_status: str, to_status: str) -> bool:
    return to_status in TRANSITIONS.get(from_status, frozenset())


def transition(session, petition: Petition, to_status: str, *, actor=None, actor_label: str = "",
               note: str = "", public: bool = True) -> PetitionEvent:
    """Move the petition to `to_status` and record who, when and why. Raises IllegalTransition."""
    from_status = petition.status
    if not can_transition(from_status, to_status):
        raise IllegalTransition(
            f"Không thể chuyển phản ánh từ trạng thái “{status_label(from_status)}” "
            f"sang “{status_label(to_status)}”.",
            f"A petition cannot go from “{status_label(from_status, 'en')}” "
            f"to “{status_label(to_status, 'en')}”.",
        )
    if to_status in REASON_REQUIRED and not note.strip():
        raise IllegalTransition("Bước này cần nêu rõ lý do.", "This step needs a reason.", code="reason_required")
    petition.status = to_status
    now = utcnow()
    if to_status == "answered":
        petition.answered_at = now
    elif to_status == "published":
        petition.published_at = now
    elif to_status in FINAL_STATUSES:
        petition.closed_at = now
    return record_event(session, petition, kind="transition", from_status=from_status, to_status=to_status,
                        actor=actor, actor_label=actor_label, note=note, public=public)


def record_event(session, petition: Petition, *, kind: str, actor=None, actor_label: str = "", note: str = "",
                 from_status: str | None = None, to_status: str | None = None, public: bool = True) -> PetitionEvent:
    """Append an event to the petition's timeline (calls, notes, requests: not only status changes)."""
    event = PetitionEvent(
        petition=petition,
        kind=kind,
        from_status=from_status,
        to_status=to_status,
        actor_id=getattr(actor, "id", None),
        actor_label=actor_label or describe_actor(actor),
        note=note,
        public=public,
        agency_id=petition.agency_id,
        at=utcnow(),
    )
    session.add(event)
    return event


def describe_actor(actor) -> str:
    if actor is None:
        return "Hệ thống"
    agency = getattr(actor, "agency", None)
    name = getattr(actor, "full_name", "") or getattr(actor, "name", "")
    return f"{name} ({agency.name})" if agency else name

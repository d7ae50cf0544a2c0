"""The petition state machine. Every change of status goes through `transition`,
which writes its PetitionEvent in the same unit of work, so the two commit together or not at all.

The pages and the workflow ask the same question, `allowed_actions(petition, user)`: what this user may do with this
petition now. ACTION_RULES answers it; workflow.py enforces it through `ensure_allowed`.
"""
from dataclasses import dataclass
from typing import Callable

from sqlalchemy.orm import object_session

from portal.domain import outbox
from portal.domain.errors import Conflict, Forbidden, IllegalTransition
from portal.models import AGENCY_ROLES, ExtensionRequest, Petition, PetitionEvent
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
    "rejected": ("Từ chối xử lý (có nêu lý do)", "Rejected (with a reason)"),
    "withdrawn": ("Người gửi đã rút", "Withdrawn"),
    "merged": ("Đã gộp vào phản ánh trùng", "Merged into a duplicate"),
    "reopened": ("Đã mở lại", "Reopened"),
}

# The only moves a petition may make. Side roads (returned, transferred, extended, reopened)
# rejoin the main road; rejected, withdrawn and merged are ends, and so is closed unless the sender's rating of the
# answer says "not resolved" (ratings.py): back to the agency (reopened) or, a second time, to the coordinator.
TRANSITIONS: dict[str, frozenset[str]] = {
    "received": frozenset({"assigned", "rejected", "withdrawn", "merged"}),
    "assigned": frozenset({"in_progress", "returned", "transferred", "extended", "withdrawn", "merged", "assigned",
                           "rejected"}),
    "in_progress": frozenset({"answered", "returned", "transferred", "extended", "withdrawn", "merged", "rejected"}),
    "extended": frozenset({"in_progress", "answered", "returned", "transferred", "withdrawn", "merged", "rejected"}),
    "transferred": frozenset({"in_progress", "returned", "transferred", "extended", "withdrawn", "merged",
                              "rejected"}),
    "returned": frozenset({"assigned", "rejected", "withdrawn", "merged"}),
    "answered": frozenset({"published", "in_progress", "extended"}),
    "published": frozenset({"closed", "reopened", "returned"}),
    "closed": frozenset({"reopened", "returned"}),
    "reopened": frozenset({"in_progress", "returned", "transferred", "extended", "withdrawn", "merged"}),
    "rejected": frozenset(),
    "withdrawn": frozenset(),
    "merged": frozenset(),
}
STATUSES = tuple(TRANSITIONS)
OPEN_STATUSES = frozenset({"received", "assigned", "in_progress", "extended", "transferred", "returned", "answered",
                           "reopened"})
FINAL_STATUSES = frozenset({"closed", "rejected", "withdrawn", "merged"})
# An approved answer is what publishes a petition: these are the statuses whose answer the public may read.
PUBLISHED_STATUSES = ("published", "closed")
# Ends that never get an answer: they leave the overdue count on the day they end, and no response rate counts them.
NEVER_ANSWERED = ("rejected", "withdrawn", "merged")
# Steps that need a written reason, because someone else must act on it.
REASON_REQUIRED = frozenset({"returned", "transferred", "rejected", "extended"})
# An agency is at work on the petition: it may answer, ask for time or help, hand it on or give it back.
HANDLING_STATUSES = frozenset({"assigned", "transferred", "in_progress", "extended", "reopened"})
# Items the agency has yet to take on (again, when reopened): accepting moves them to in_progress.
NOT_ACCEPTED_STATUSES = frozenset({"assigned", "transferred", "reopened"})
# Where a coordinator assigns by hand: new items, and items an agency gave back.
TRIAGE_STATUSES = frozenset({"received", "returned"})
# A coordinator may reject an item until it has an answer; an agency head only proposes it (workflow.reject).
REJECTABLE_STATUSES = frozenset(s for s, moves in TRANSITIONS.items() if "rejected" in moves)


def is_reopening(from_status: str | None, to_status: str | None) -> bool:
    """A step that takes a published answer back because its sender rated it "not resolved": to the agency
    (reopened) or, the second time, to the coordinator (returned). Counted as `reopened` in the figures, not as the
    agency's return."""
    return from_status in PUBLISHED_STATUSES and to_status in ("reopened", "returned")


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
    "photo_added": ("Thêm ảnh", "Photo added"),
    "photo_published": ("Công bố ảnh cùng câu trả lời", "Photo published with the answer"),
    "photo_unpublished": ("Thôi công bố ảnh", "Photo no longer published"),
    "priority": ("Đổi mức khẩn cấp", "Priority changed"),
    "ack_late": ("Tiếp nhận trễ hạn", "Acknowledged late"),
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
    # Integrators' webhooks and the sender's SMS, queued in this same unit of work.
    outbox.petition_moved(session, petition, to_status, reopening=is_reopening(from_status, to_status))
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


def _no_extension_yet(petition: Petition) -> bool:
    """An extension is granted once: none used, none waiting for the coordinator's decision."""
    if petition.extension_used:
        return False
    session = object_session(petition)
    return session is None or session.query(ExtensionRequest.id).filter_by(
        petition_id=petition.id, state="pending").first() is None


@dataclass(frozen=True)
class ActionRule:
    """Who may take an action (an agency role only on its own agency's petitions), from which statuses, and any
    further condition on the petition with the message that refuses it."""
    statuses: frozenset[str]
    roles: frozenset[str]
    condition: Callable[[Petition], bool] | None = None
    refused: tuple[str, str, str] = ("", "", "")  # (Vietnamese, English, code) when the condition fails


AGENCY = frozenset(AGENCY_ROLES)
ACTION_RULES: dict[str, ActionRule] = {
    "accept": ActionRule(NOT_ACCEPTED_STATUSES, AGENCY),
    "answer": ActionRule(HANDLING_STATUSES, AGENCY),
    "request_extension": ActionRule(
        NOT_ACCEPTED_STATUSES | {"in_progress"}, AGENCY, _no_extension_yet,
        ("Phản ánh này đã được gia hạn hoặc đang chờ quyết định gia hạn; chỉ gia hạn một lần.",
         "An extension was already granted or is pending; only one is allowed.", "extension_used")),
    "coordinate": ActionRule(HANDLING_STATUSES, AGENCY),
    "return": ActionRule(HANDLING_STATUSES, AGENCY),
    "transfer": ActionRule(HANDLING_STATUSES, AGENCY | {"coordinator", "admin"}),
    "approve": ActionRule(frozenset({"answered"}), frozenset({"agency_head", "admin"})),
    "send_back": ActionRule(frozenset({"answered"}), frozenset({"agency_head", "admin"})),
    "assign": ActionRule(TRIAGE_STATUSES, frozenset({"coordinator", "admin"})),
    "merge": ActionRule(frozenset(s for s, moves in TRANSITIONS.items() if "merged" in moves),
                        frozenset({"coordinator", "admin"})),
    "reject": ActionRule(REJECTABLE_STATUSES, frozenset({"coordinator", "admin"})),
    "propose_rejection": ActionRule(REJECTABLE_STATUSES - TRIAGE_STATUSES, frozenset({"agency_head"})),
}
ACTION_LABELS = {
    "accept": ("tiếp nhận xử lý", "accept"),
    "answer": ("trả lời", "answer"),
    "request_extension": ("xin gia hạn", "ask for an extension"),
    "coordinate": ("đề nghị phối hợp", "ask for coordination"),
    "return": ("trả lại bộ phận điều phối", "return to the coordinator"),
    "transfer": ("chuyển cơ quan khác", "transfer"),
    "approve": ("duyệt trả lời", "approve the answer"),
    "send_back": ("trả dự thảo để sửa", "send the draft back"),
    "assign": ("giao việc", "assign"),
    "merge": ("gộp", "merge"),
    "reject": ("từ chối", "reject"),
    "propose_rejection": ("đề xuất từ chối", "propose rejecting"),
}


def _own_agency(petition: Petition, user) -> bool:
    # Compare through the relationship: before a flush, only it knows the new agency.
    petition_agency = petition.agency.id if petition.agency is not None else petition.agency_id
    return petition_agency is not None and petition_agency == user.agency_id


def _refusal(petition: Petition, user, action: str):
    """Why `user` may not take `action` on `petition` now, as a domain error; None when they may. A user of None is
    the system itself, bound by the statuses only."""
    rule = ACTION_RULES[action]
    if user is not None:
        if user.role not in rule.roles:
            vi, en = ACTION_LABELS[action]
            return Forbidden(f"Tài khoản của bạn không được {vi} phản ánh này.", f"Your account may not {en} here.")
        if user.role in AGENCY_ROLES and not _own_agency(petition, user):
            return Forbidden("Phản ánh này không thuộc cơ quan của bạn.", "This petition is not your agency's.")
    if petition.status not in rule.statuses:
        vi, en = ACTION_LABELS[action]
        return Conflict(f"Không thể {vi} khi phản ánh ở trạng thái “{status_label(petition.status)}”.",
                        f"Cannot {en} while the petition is “{status_label(petition.status, 'en')}”.",
                        code="action_not_allowed")
    if rule.condition is not None and not rule.condition(petition):
        message_vi, message_en, code = rule.refused
        return Conflict(message_vi, message_en, code=code)
    return None


def allowed_actions(petition: Petition, user) -> frozenset[str]:
    """The actions (keys of ACTION_RULES) `user` may take on `petition` now: what the item page offers."""
    return frozenset(action for action in ACTION_RULES if _refusal(petition, user, action) is None)


def ensure_allowed(petition: Petition, user, action: str) -> None:
    """Raise the domain error (Forbidden, Conflict) that refuses `action`, if allowed_actions would not offer it."""
    refusal = _refusal(petition, user, action)
    if refusal is not None:
        raise refusal

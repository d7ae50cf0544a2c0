"""Which agency answers a petition, and by when: assignment by the "5 rõ" rule."""
from dataclasses import dataclass
from datetime import date, datetime
from typing import Mapping

from portal.domain import calendar
from portal.domain.errors import Forbidden, ValidationFailed
from portal.domain.lifecycle import OPEN_STATUSES, record_event, transition
from portal.domain.notify import notify_citizen, notify_staff
from portal.models import Agency, Assignment, Category, Petition, RoutingRule, User

DEFAULT_EXPECTED_RESULT = ("Trả lời bằng văn bản cho người dân, công khai trên Cổng; "
                           "vấn đề được xem xét, giải quyết dứt điểm.")


PRIORITIES = ("normal", "urgent")
# Who may mark a petition urgent or take the mark off: the hotline operator who hears the call, the coordinator.
SETS_PRIORITY = ("operator", "coordinator", "admin")
ASSIGNS_BY_HAND = ("coordinator", "admin")


@dataclass(frozen=True)
class DeadlineSettings:
    """Hour deadlines, in working hours (calendar.add_working_hours): an urgent petition's answer, counted from
    receipt; every petition's acknowledgement, counted from its assignment; the head's warning before an urgent
    deadline."""

    urgent_hours: float = 8
    ack_hours: float = 8
    warning_hours: float = 2

    @classmethod
    def from_config(cls, config: Mapping) -> "DeadlineSettings":
        return cls(urgent_hours=float(config.get("URGENT_DEADLINE_HOURS", 8)),
                   ack_hours=float(config.get("ACK_DEADLINE_HOURS", 8)),
                   warning_hours=float(config.get("URGENT_WARNING_HOURS", 2)))

    @classmethod
    def current(cls) -> "DeadlineSettings":
        """The running application's settings, else the defaults (scripts, unit tests)."""
        from flask import current_app, has_app_context

        return cls.from_config(current_app.config) if has_app_context() else cls()


def answer_deadline(petition: Petition, start: datetime, overrides, settings: DeadlineSettings | None = None) -> datetime:
    """The one deadline rule (naive UTC): an urgent petition is due `urgent_hours` working hours after `start`; a
    normal one at the end of the working hours of its category's last working day counted from `start`."""
    settings = settings or DeadlineSettings.current()
    if petition.priority == "urgent":
        return calendar.add_working_hours(start, settings.urgent_hours, overrides)
    return calendar.due_at_for(start, petition.category.deadline_days, overrides)


def set_deadline(petition: Petition, due_at: datetime) -> None:
    """Move the answer deadline: due_date (kept for what reads whole days) follows, on the active assignment too."""
    petition.due_at, petition.due_date = due_at, calendar.local_date(due_at)
    petition.urgent_warned_at = None  # a new deadline gets its own warning
    for assignment in petition.assignments.filter_by(active=True):
        assignment.due_date = petition.due_date


def start_acknowledgement_clock(petition: Petition, overrides, settings: DeadlineSettings | None = None) -> None:
    """A petition handed to an agency (assigned, transferred) must be accepted by it within `ack_hours` working
    hours from now."""
    settings = settings or DeadlineSettings.current()
    petition.ack_due_at = calendar.add_working_hours(calendar.utcnow(), settings.ack_hours, overrides)
    petition.acknowledged_at = petition.ack_late_marked_at = None


def agency_for(session, category: Category, province_code: str | None, ward_code: str | None) -> Agency:
    """The most specific routing rule wins (ward, then province, then category); else the category's default."""
    rules = session.query(RoutingRule).filter_by(category_id=category.id).all()
    for matches in (
        lambda r: ward_code and r.ward_code == ward_code,
        lambda r: province_code and r.province_code == province_code and not r.ward_code,
        lambda r: not r.province_code and not r.ward_code,
    ):
        for rule in rules:
            if matches(rule):
                return rule.agency
    return category.default_agency


def default_official(session, agency: Agency) -> str:
    """Rõ người: the agency head on record, else the office itself."""
    head = session.query(User).filter_by(agency_id=agency.id, role="agency_head", active=True).first()
    return f"{head.full_name}, lãnh đạo {agency.name}" if head else f"Lãnh đạo {agency.name}"


def assign(session, petition: Petition, *, agency: Agency, responsible_official: str, task: str,
           due_date: date, expected_result: str, coordinating_agencies: str = "", actor=None,
           note: str = "", due_at: datetime | None = None, overrides=None) -> Assignment:
    """Assign the petition with all five "rõ"; the previous assignment stays on record, inactive. The deadline is
    `due_at` (the rule's moment) or else the end of `due_date`'s working hours; the agency's acknowledgement clock
    starts."""
    missing = [label for label, value in (
        ("người chịu trách nhiệm (rõ người)", responsible_official),
        ("nội dung công việc (rõ việc)", task),
        ("kết quả cần đạt (rõ hiệu quả)", expected_result),
    ) if not (value or "").strip()]
    if agency is None:
        missing.insert(0, "cơ quan chủ trì (rõ trách nhiệm)")
    if due_date is None:
        missing.append("thời hạn (rõ thời gian)")
    if missing:
        raise ValidationFailed("Giao việc phải đủ “5 rõ”; còn thiếu: " + ", ".join(missing) + ".",
                               "An assignment needs all five “rõ”.", code="five_clear_missing")
    overrides = overrides or calendar.load_overrides(session)
    petition.due_date, petition.due_at = due_date, due_at or calendar.end_of_working_day(due_date, overrides)
    petition.urgent_warned_at = None
    start_acknowledgement_clock(petition, overrides)
    for previous in petition.assignments.filter_by(active=True):
        previous.active = False
    assignment = Assignment(petition=petition, lead_agency=agency, responsible_official=responsible_official.strip(),
                            task=task.strip(), coordinating_agencies=coordinating_agencies.strip(),
                            due_date=due_date, expected_result=expected_result.strip(),
                            assigned_by_id=getattr(actor, "id", None))
    session.add(assignment)
    petition.agency = agency
    transition(session, petition, "assigned", actor=actor,
               note=note or f"Giao {agency.name} chủ trì giải quyết, hạn {due_date:%d/%m/%Y}.")
    notify_citizen(session, petition, "assigned")
    notify_staff(session, agency.id, f"Phản ánh mới được giao: {petition.code}",
                 f"{agency.name} được giao chủ trì phản ánh {petition.code}, hạn {due_date:%d/%m/%Y}.\n"
                 f"Việc cần làm: {assignment.task}\nKết quả cần đạt: {assignment.expected_result}")
    return assignment


def route_new_petition(session, petition: Petition, overrides=None) -> Assignment | None:
    """Assign a fresh petition automatically, unless it waits in the coordinator's triage queue."""
    if petition.needs_triage:
        return None
    overrides = overrides or calendar.load_overrides(session)
    agency = agency_for(session, petition.category, petition.province_code, petition.ward_code)
    due_at = answer_deadline(petition, petition.created_at, overrides)
    # A citizen received by a leader carries the leader's instruction (dialogue.record_petition): that is the task.
    task = petition.leader_instruction or \
        f"Xem xét, giải quyết và trả lời phản ánh {petition.code}: {petition.title or petition.content[:80]}"
    return assign(session, petition, agency=agency, responsible_official=default_official(session, agency),
                  task=task,
                  due_date=calendar.local_date(due_at), expected_result=DEFAULT_EXPECTED_RESULT, due_at=due_at,
                  overrides=overrides)


# The coordinator's assignment by hand. The "5 rõ" must stay consistent: rõ người is a person of the chosen agency,
# and rõ thời gian follows the chosen category and the calendar. The category's handling time is the longest a
# petition may be given (counted from receipt, or from today when it waited in triage past it); more time is an
# extension, granted once through the extension request, not a longer date typed at assignment.
def handling_start(petition: Petition, category: Category, today: date, overrides) -> date:
    """The day the handling time counts from: receipt, or today when the time from receipt has already run out."""
    received = calendar.local_date(petition.created_at)
    if calendar.add_working_days(received, category.deadline_days, overrides) < today:
        return today
    return received


def default_due_date(session, petition: Petition, category: Category, today: date | None = None,
                     overrides=None) -> date:
    """Rõ thời gian by default: the category's handling time in working days; never a day already past."""
    today = today or calendar.local_today()
    overrides = overrides or calendar.load_overrides(session)
    return calendar.add_working_days(handling_start(petition, category, today, overrides), category.deadline_days,
                                     overrides)


def check_due_date(session, petition: Petition, category: Category, due_date: date, today: date | None = None) -> None:
    """A deadline before today is overdue at once; one past the category's handling time is not the rule's to give."""
    today = today or calendar.local_today()
    if due_date < today:
        raise ValidationFailed(f"Thời hạn không được trước hôm nay ({today:%d/%m/%Y}).",
                               f"The deadline cannot be before today ({today:%d/%m/%Y}).", field="due_date",
                               code="due_date_past")
    latest = default_due_date(session, petition, category, today)
    if due_date > latest:
        raise ValidationFailed(
            f"Thời hạn không được quá {latest:%d/%m/%Y}: lĩnh vực {category.name} được giải quyết tối đa "
            f"{category.deadline_days} ngày làm việc. Cần thêm thời gian thì cơ quan xin gia hạn.",
            f"The deadline cannot be after {latest:%d/%m/%Y}: {category.deadline_days} working days for this "
            "category. More time is an extension request.", field="due_date", code="due_date_too_late")


def assignment_defaults(session, petition: Petition, today: date | None = None) -> dict:
    """What the assignment form offers, and what it updates when the agency or category changes: each agency's
    rõ người, each category's default deadline."""
    today, overrides = today or calendar.local_today(), calendar.load_overrides(session)
    agencies = session.query(Agency).filter_by(active=True).all()
    categories = session.query(Category).all()
    return {"officials": {agency.code: default_official(session, agency) for agency in agencies},
            "due_dates": {category.code: default_due_date(session, petition, category, today, overrides).isoformat()
                          for category in categories}}


@dataclass(frozen=True)
class HandAssignment:
    """The coordinator's form: the values sent, and the agency, official, category and deadline it first showed."""

    category_code: str
    agency_code: str
    responsible_official: str
    task: str
    due_date: date | None
    expected_result: str
    coordinating_agencies: str = ""
    shown_agency_code: str = ""
    shown_official: str = ""
    shown_category_code: str = ""
    shown_due_date: date | None = None


def assign_by_hand(session, petition: Petition, form: HandAssignment, actor, today: date | None = None) -> Assignment:
    """Assign with all five "rõ". A rõ người or deadline left as the page first showed it follows a changed agency or
    category (as the page's script does); a corrected category is kept as a lesson for the classifier."""
    from portal.text.corrections import record_correction

    if getattr(actor, "role", None) not in ASSIGNS_BY_HAND:
        raise Forbidden("Chỉ bộ phận điều phối được giao việc.", "Only coordinators can assign petitions.")
    today = today or calendar.local_today()
    category = session.query(Category).filter_by(code=form.category_code).first()
    agency = session.query(Agency).filter_by(code=form.agency_code, active=True).first()
    if category is None or agency is None:
        raise ValidationFailed("Lĩnh vực hoặc cơ quan không tồn tại.", "Unknown category or agency.")
    official, due_date = form.responsible_official, form.due_date
    if form.agency_code != form.shown_agency_code and official.strip() == form.shown_official.strip():
        official = default_official(session, agency)
    if form.category_code != form.shown_category_code and due_date == form.shown_due_date:
        due_date = default_due_date(session, petition, category, today)
    if due_date is not None:
        check_due_date(session, petition, category, due_date, today)
    if category.id != petition.category_id:
        record_correction(session, petition, category.code, actor)
        petition.category = category
    petition.needs_triage = False
    return assign(session, petition, agency=agency, responsible_official=official, task=form.task,
                  due_date=due_date, expected_result=form.expected_result,
                  coordinating_agencies=form.coordinating_agencies, actor=actor,
                  due_at=_urgent_moment_on(session, petition, due_date))


def _urgent_moment_on(session, petition: Petition, due_date: date | None) -> datetime | None:
    """An urgent petition assigned by hand for the day its rule gives keeps the rule's hour, not the day's end."""
    if petition.priority != "urgent" or due_date is None:
        return None
    due_at = answer_deadline(petition, petition.created_at, calendar.load_overrides(session))
    return due_at if calendar.local_date(due_at) == due_date else None


def priority_at_intake(requested: str | None, actor) -> str:
    """The priority a petition is received with. "urgent" only from those who mark urgency (SETS_PRIORITY: the
    operator taking the call, the coordinator), recorded as theirs on the received event (intake.received_note): a
    sender cannot declare their own petition urgent. Absent or "normal" leaves it to the classifier, which only ever
    adds urgency (intake._route)."""
    if requested is None:
        return "normal"
    if requested not in PRIORITIES:
        raise ValidationFailed("Mức ưu tiên (priority) chỉ nhận “normal” hoặc “urgent”.",
                               "priority must be “normal” or “urgent”.", field="priority")
    if requested == "urgent" and getattr(actor, "role", None) not in SETS_PRIORITY:
        raise Forbidden("Chỉ tổng đài viên và bộ phận điều phối được đánh dấu khẩn cấp khi tiếp nhận; người gửi "
                        "không tự đánh dấu khẩn cấp được.",
                        "Only operators and coordinators may mark a petition urgent at intake; a sender cannot.")
    return requested


def can_set_priority(petition: Petition, actor) -> bool:
    return getattr(actor, "role", None) in SETS_PRIORITY and petition.status in OPEN_STATUSES


def set_priority(session, petition: Petition, priority: str, actor, reason: str = "") -> bool:
    """An operator or coordinator marks a petition urgent, or takes the mark off: recorded on the timeline with who
    and why, and an assigned petition's deadline recomputed by the same rule, from receipt (an extended one keeps
    the date the coordinator granted). Returns whether anything changed."""
    if getattr(actor, "role", None) not in SETS_PRIORITY:
        raise Forbidden("Chỉ tổng đài viên và bộ phận điều phối được đổi mức khẩn cấp.",
                        "Only operators and coordinators can change the priority.")
    if priority not in PRIORITIES:
        raise ValidationFailed("Mức ưu tiên không hợp lệ.", "Unknown priority.", field="priority")
    if petition.status not in OPEN_STATUSES:
        raise ValidationFailed("Phản ánh đã kết thúc, không đổi mức khẩn cấp được.",
                               "The petition has ended: its priority cannot change.", field="priority")
    if petition.priority == priority:
        return False
    petition.priority = priority
    note = "Đánh dấu khẩn cấp." if priority == "urgent" else "Bỏ đánh dấu khẩn cấp."
    if petition.due_at is not None and not petition.extension_used:
        set_deadline(petition, answer_deadline(petition, petition.created_at, calendar.load_overrides(session)))
        if petition.due_at > calendar.utcnow():
            petition.overdue_marked_at = None
        note += f" Hạn trả lời: {calendar.local_time(petition.due_at):%H:%M %d/%m/%Y}."
    if reason.strip():
        note += f" Lý do: {reason.strip()}"
    record_event(session, petition, kind="priority", actor=actor, public=False, note=note)
    return True

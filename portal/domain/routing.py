"""Which agency answers a petition, and by when: assignment by the "5 rõ" rule."""
from dataclasses import dataclass
from datetime import date

from portal.domain import calendar
from portal.domain.errors import ValidationFailed
from portal.domain.lifecycle import transition
from portal.domain.notify import notify_citizen, notify_staff
from portal.models import Agency, Assignment, Category, Petition, RoutingRule, User

DEFAULT_EXPECTED_RESULT = ("Trả lời bằng văn bản cho người dân, công khai trên Cổng; "
                           "vấn đề được xem xét, giải quyết dứt điểm.")


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
           note: str = "") -> Assignment:
    """Assign the petition with all five "rõ"; the previous assignment stays on record, inactive."""
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
    for previous in petition.assignments.filter_by(active=True):
        previous.active = False
    assignment = Assignment(petition=petition, lead_agency=agency, responsible_official=responsible_official.strip(),
                            task=task.strip(), coordinating_agencies=coordinating_agencies.strip(),
                            due_date=due_date, expected_result=expected_result.strip(),
                            assigned_by_id=getattr(actor, "id", None))
    session.add(assignment)
    petition.agency = agency
    petition.due_date = due_date
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
    due = calendar.due_date_for(petition.created_at, petition.category.deadline_days, overrides)
    return assign(session, petition, agency=agency, responsible_official=default_official(session, agency),
                  task=f"Xem xét, giải quyết và trả lời phản ánh {petition.code}: {petition.title or petition.content[:80]}",
                  due_date=due, expected_result=DEFAULT_EXPECTED_RESULT)


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
                  coordinating_agencies=form.coordinating_agencies, actor=actor)

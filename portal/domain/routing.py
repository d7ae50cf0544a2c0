"""Which agency answers a petition, and by when: assignment by the "5 rõ" rule."""
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

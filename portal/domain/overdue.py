"""The overdue sweep: run from cron every 15 minutes; running it twice changes nothing more.

An urgent item due at 15:00 is overdue at 15:00, not at midnight; a normal one, given whole working days, once
its due date has ended. Besides answers past due, the sweep finds acknowledgements past due (counted once per assignment, against
the agency that had the item) and warns an agency's heads once as an urgent item nears its deadline."""
from datetime import date, datetime

from flask import render_template
from sqlalchemy import and_, or_

from portal.domain import calendar
from portal.domain.lifecycle import NOT_ACCEPTED_STATUSES, OPEN_STATUSES, record_event
from portal.domain.notify import notify_citizen, notify_staff
from portal.models import Apology, Petition
from portal.models.base import utcnow


def overdue_petitions(session, today: date, now: datetime | None = None):
    """Open petitions whose deadline has passed and that were not marked yet: the day after the due date (an answer
    approved on the due date is on time, calendar.is_on_time), or for an urgent petition the moment of its deadline
    (its due date moved later by hand, as an extension does, wins)."""
    now = now or calendar.utc_start_of(today)
    urgent_past_due = and_(Petition.priority == "urgent", Petition.due_at < now, Petition.due_date <= today)
    past_due = or_(Petition.due_date < today, urgent_past_due)
    return (session.query(Petition)
            .filter(Petition.status.in_(OPEN_STATUSES), past_due, Petition.overdue_marked_at.is_(None))
            .order_by(Petition.id).all())


def apology_letter(petition: Petition, agency, today) -> str:
    """The apology letter to the sender of an overdue petition (templates/letters/apology.html), dated `today`.
    The one renderer: the sweep issues it, and bulk loads write the same letter."""
    return render_template("letters/apology.html", petition=petition, agency=agency, today=today)


def deadline_text(petition: Petition) -> str:
    """The deadline as staff read it: the hour too when it is not the end of a working day (urgent items)."""
    if petition.due_at is None:
        return f"{petition.due_date:%d/%m/%Y}"
    if petition.priority == "urgent":
        return f"{calendar.local_time(petition.due_at):%H:%M %d/%m/%Y}"
    return f"{calendar.local_time(petition.due_at):%d/%m/%Y}"


def sweep(session, today: date, now: datetime | None = None) -> int:
    """Mark overdue items, notify the agency and the coordinators, and issue the citizen's apology letter; then
    count late acknowledgements and warn of urgent deadlines near. `now` is the moment deadlines are compared
    with (by default the start of `today`, Vietnam time, which is what a sweep pretending another day wants).

    Each petition is committed on its own, so a crash half-way loses nothing that was done and the
    next run finishes the rest."""
    now = now or calendar.utc_start_of(today)
    marked = 0
    for petition in overdue_petitions(session, today, now):
        petition.overdue_marked_at = utcnow()
        due = deadline_text(petition)
        record_event(session, petition, kind="overdue", public=True,
                     note=f"Quá hạn trả lời ({due}). Cơ quan xử lý gửi văn bản xin lỗi.")
        if petition.apology is None:
            session.add(Apology(petition=petition, agency_id=petition.agency_id, missed_due_date=petition.due_date,
                                body_html=apology_letter(petition, petition.agency, today)))
            notify_citizen(session, petition, "apology")
        agency_name = petition.agency.name if petition.agency else ""
        message = f"Phản ánh {petition.code} của {agency_name} đã quá hạn {due}."
        notify_staff(session, petition.agency_id, f"Quá hạn: {petition.code}", message)
        notify_staff(session, None, f"Quá hạn: {petition.code}", message, roles=("coordinator",))
        session.commit()
        marked += 1
    mark_late_acknowledgements(session, now)
    warn_of_urgent_deadlines(session, now)
    return marked


def mark_late_acknowledgement(session, petition: Petition, found_at: datetime) -> None:
    """Count the acknowledgement of the petition's current assignment late, once: an event the rollups count
    (rollups.event_contribution, `late_acknowledgements`) against the agency that has it."""
    if petition.ack_late_marked_at is not None:
        return
    petition.ack_late_marked_at = found_at
    record_event(session, petition, kind="ack_late", public=False,
                 note=f"Chưa tiếp nhận trong hạn ({calendar.local_time(petition.ack_due_at):%H:%M %d/%m/%Y}).")


def record_acknowledgement(session, petition: Petition) -> None:
    """The agency accepted the petition (workflow.accept): counted late if its acknowledgement deadline had passed
    and the sweep had not counted it yet."""
    petition.acknowledged_at = calendar.utcnow()
    if petition.ack_due_at is not None and petition.acknowledged_at > petition.ack_due_at:
        mark_late_acknowledgement(session, petition, petition.acknowledged_at)


def mark_late_acknowledgements(session, now: datetime) -> int:
    """Assigned petitions still not accepted past their acknowledgement deadline. Returns how many were marked."""
    late = (session.query(Petition)
            .filter(Petition.status.in_(NOT_ACCEPTED_STATUSES), Petition.ack_due_at < now,
                    Petition.acknowledged_at.is_(None), Petition.ack_late_marked_at.is_(None))
            .order_by(Petition.id).all())
    for petition in late:
        mark_late_acknowledgement(session, petition, calendar.utcnow())
        session.commit()
    return len(late)


def warn_of_urgent_deadlines(session, now: datetime) -> int:
    """E-mail the heads of the agency once when an open urgent petition is within URGENT_WARNING_HOURS working hours
    of its deadline. Returns how many petitions were warned of."""
    from portal.domain.routing import DeadlineSettings

    hours = DeadlineSettings.current().warning_hours
    overrides = calendar.load_overrides(session)
    candidates = (session.query(Petition)
                  .filter(Petition.priority == "urgent", Petition.status.in_(OPEN_STATUSES),
                          Petition.due_at > now, Petition.urgent_warned_at.is_(None), Petition.agency_id.isnot(None))
                  .order_by(Petition.id).all())
    warned = 0
    for petition in candidates:
        if calendar.working_hours_between(now, petition.due_at, overrides) > hours:
            continue
        petition.urgent_warned_at = calendar.utcnow()
        notify_staff(session, petition.agency_id, f"Sắp đến hạn (khẩn): {petition.code}",
                     f"Phản ánh khẩn {petition.code} ({petition.title or petition.content[:80]}) phải được trả lời "
                     f"trước {deadline_text(petition)}.", roles=("agency_head",),
                     dedupe_prefix=f"urgent-warning:{petition.id}:{petition.due_at:%Y%m%d%H%M}")
        session.commit()
        warned += 1
    return warned

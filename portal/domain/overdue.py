"""The overdue sweep: run from cron every few minutes; running it twice changes nothing more."""
from datetime import date

from flask import render_template

from portal.domain.lifecycle import OPEN_STATUSES, record_event
from portal.domain.notify import notify_citizen, notify_staff
from portal.models import Apology, Petition
from portal.models.base import utcnow


def overdue_petitions(session, today: date):
    """Open petitions whose due date has passed and that were not marked yet."""
    return (session.query(Petition)
            .filter(Petition.status.in_(OPEN_STATUSES), Petition.due_date < today,
                    Petition.overdue_marked_at.is_(None))
            .order_by(Petition.id).all())


def apology_letter(petition: Petition, agency, today) -> str:
    """The apology letter to the sender of an overdue petition (templates/letters/apology.html), dated `today`.
    The one renderer: the sweep issues it, and bulk loads write the same letter."""
    return render_template("letters/apology.html", petition=petition, agency=agency, today=today)


def sweep(session, today: date) -> int:
    """Mark overdue items, notify the agency and the coordinators, and issue the citizen's apology letter.

    Each petition is committed on its own, so a crash half-way loses nothing that was done and the
    next run finishes the rest."""
    marked = 0
    for petition in overdue_petitions(session, today):
        petition.overdue_marked_at = utcnow()
        record_event(session, petition, kind="overdue", public=True,
                     note=f"Quá hạn trả lời ({petition.due_date:%d/%m/%Y}). Cơ quan xử lý gửi văn bản xin lỗi.")
        if petition.apology is None:
            session.add(Apology(petition=petition, agency_id=petition.agency_id, missed_due_date=petition.due_date,
                                body_html=apology_letter(petition, petition.agency, today)))
            notify_citizen(session, petition, "apology")
        agency_name = petition.agency.name if petition.agency else ""
        message = f"Phản ánh {petition.code} của {agency_name} đã quá hạn {petition.due_date:%d/%m/%Y}."
        notify_staff(session, petition.agency_id, f"Quá hạn: {petition.code}", message)
        notify_staff(session, None, f"Quá hạn: {petition.code}", message, roles=("coordinator",))
        session.commit()
        marked += 1
    return marked

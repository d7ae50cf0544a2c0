"""What the sender learns on the confirmation page besides the code: by when to expect the answer."""
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func

from portal.domain.calendar import due_date_for, load_overrides
from portal.models import Category, Petition


@dataclass(frozen=True)
class ExpectedAnswer:
    due_date: date
    working_days: int
    # False once the petition is assigned (its due date is set); True while it waits for routing, when the date
    # is counted from the category's handling time, or from the longest one when the category is not settled.
    estimated: bool
    category_known: bool


def expected_answer(session, code: str) -> ExpectedAnswer | None:
    """The answer's due date, or an estimate from the calendar while the petition waits to be routed."""
    petition = session.query(Petition).filter_by(code=code).first()
    if petition is None:
        return None
    deadline_days = petition.category.deadline_days if petition.category else None
    if petition.due_date is not None:
        return ExpectedAnswer(petition.due_date, deadline_days or 0, estimated=False, category_known=True)
    # A category the classifier was unsure of (or has yet to choose) may change: promise only the longest time.
    settled = petition.intake_step != "classify" and not petition.needs_triage and deadline_days is not None
    if not settled:
        deadline_days = session.query(func.max(Category.deadline_days)).scalar() or 15
    due = due_date_for(petition.created_at, deadline_days, load_overrides(session))
    return ExpectedAnswer(due, deadline_days, estimated=True, category_known=settled)

"""Written explanations (báo cáo giải trình) owed by agencies below the 75% line."""
from datetime import date, timedelta

from portal.domain import audit
from portal.domain.errors import ValidationFailed
from portal.domain.text import clean_text
from portal.models import Explanation


def previous_month(today: date) -> tuple[date, date]:
    last = today.replace(day=1) - timedelta(days=1)
    return last.replace(day=1), last


def file_explanation(session, agency_id: int, period: tuple[date, date], body: str, actor) -> Explanation:
    audit.acting_as(session, actor)
    body = clean_text(body)
    if len(body) < 50:
        raise ValidationFailed("Báo cáo giải trình cần ít nhất 50 ký tự: nêu nguyên nhân và biện pháp khắc phục.",
                               "The explanation needs at least 50 characters.", field="body")
    explanation = Explanation(agency_id=agency_id, period_from=period[0], period_to=period[1], body=body,
                              filed_by_id=getattr(actor, "id", None))
    session.add(explanation)
    return explanation


def explanations_filed(session, period: tuple[date, date]) -> dict[int, Explanation]:
    rows = session.query(Explanation).filter_by(period_from=period[0], period_to=period[1]).all()
    return {row.agency_id: row for row in rows}

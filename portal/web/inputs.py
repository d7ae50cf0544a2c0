"""Numbers, pages and dates of a query string, range-checked: an absurd value is a 422 that says what is expected,
never a 500 from an overflowing OFFSET or a date before the calendar starts."""
from datetime import date

from flask import request

from portal.domain.errors import ValidationFailed

MAX_PAGE = 10_000
# The portal's calendar (holidays, working days, rollups) covers this century; no petition is dated outside it.
FIRST_DATE, LAST_DATE = date(2000, 1, 1), date(2099, 12, 31)
_MAX_DIGITS = 12


def int_arg(name: str, default: int, lowest: int, highest: int) -> int:
    """request.args[name] as a whole number in [lowest, highest]; `default` when it is absent or empty."""
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw) if len(raw) <= _MAX_DIGITS else None
    except ValueError:
        value = None
    if value is None or not lowest <= value <= highest:
        raise ValidationFailed(f"“{name}” phải là số nguyên từ {lowest} đến {highest}.",
                               f"“{name}” must be a whole number from {lowest} to {highest}.", field=name)
    return value


def page_arg(name: str = "page") -> int:
    return int_arg(name, 1, 1, MAX_PAGE)


def parse_date(raw: str | None, name: str) -> date:
    """A YYYY-MM-DD date between FIRST_DATE and LAST_DATE, or a 422 naming the field."""
    try:
        value = date.fromisoformat((raw or "").strip()[:10]) if len((raw or "").strip()) == 10 else None
    except ValueError:
        value = None
    if value is None or not FIRST_DATE <= value <= LAST_DATE:
        raise ValidationFailed(f"“{name}” phải là ngày dạng YYYY-MM-DD, "
                               f"từ {FIRST_DATE:%d/%m/%Y} đến {LAST_DATE:%d/%m/%Y}.",
                               f"“{name}” must be a YYYY-MM-DD date from {FIRST_DATE} to {LAST_DATE}.", field=name)
    return value


def date_arg(name: str, default: date | None = None) -> date | None:
    """request.args[name] as a date (see parse_date); `default` when it is absent or empty."""
    raw = (request.args.get(name) or "").strip()
    return parse_date(raw, name) if raw else default

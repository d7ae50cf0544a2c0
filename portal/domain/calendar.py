"""Working days and deadlines: the one place the deadline rule lives.

Public holidays come from the `holidays` package (Tết and Giỗ Tổ Hùng Vương follow the
lunar calendar; compensatory days and announced swaps are in it). An admin adds what the
government announces later as CalendarDay rows: extra days off and make-up working days.
"""
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@dataclass(frozen=True)
class CalendarOverrides:
    """Days an admin moved: `days_off` are not worked, `working_days` are (even on a weekend)."""

    days_off: frozenset = field(default_factory=frozenset)
    working_days: frozenset = field(default_factory=frozenset)


NO_OVERRIDES = CalendarOverrides()


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> holidays.HolidayBase:
    return holidays.VN(years=year)


def is_public_holiday(day: date) -> bool:
    return day in _public_holidays(day.year)


def is_working_day(day: date, overrides: CalendarOverrides = NO_OVERRIDES) -> bool:
    if day in overrides.working_days:
        return True
    if day in overrides.days_off or is_public_holiday(day):
        return False
    if day.weekday() >= 5:
        # A Saturday the government swapped into a working day (make-up day).
        return day in _public_holidays(day.year).weekend_workdays
    return True


def add_working_days(start: date, count: int, overrides: CalendarOverrides = NO_OVERRIDES) -> date:
    """The date `count` working days after `start`; `start` itself is not counted."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if is_working_day(day, overrides):
            remaining -= 1
    return day


def working_days_between(start: date, end: date, overrides: CalendarOverrides = NO_OVERRIDES) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    days = 0
    day = start
    while day < end:
        day += timedelta(days=1)
        if is_working_day(day, overrides):
            days += 1
    return days


# Vietnam has kept UTC+7, without daylight saving, since 1976: adding it directly is exact from then on, and spares
# a time-zone conversion where this runs for every change (the rollups) and every row of a bulk load.
_SINCE_1976 = datetime(1976, 1, 1)
_LOCAL_OFFSET = timedelta(hours=7)


def local_date(moment: datetime) -> date:
    """The calendar day in Vietnam of a naive-UTC timestamp."""
    if moment >= _SINCE_1976:
        return (moment + _LOCAL_OFFSET).date()
    return moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(LOCAL_TZ).date()


def utcnow() -> datetime:
    """Now, as naive UTC. The one clock `local_now` and `local_today` read: tests freeze time here."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def utc_start_of(day: date) -> datetime:
    """The naive-UTC moment Vietnam's calendar day `day` begins: what "published on or after `day`" compares with."""
    return datetime.combine(day, datetime.min.time()).replace(tzinfo=LOCAL_TZ).astimezone(timezone.utc).replace(
        tzinfo=None)


def local_time(moment: datetime) -> datetime:
    """A naive-UTC timestamp as Vietnam's wall clock shows it (naive, local)."""
    if moment >= _SINCE_1976:
        return moment + _LOCAL_OFFSET
    return moment.replace(tzinfo=ZoneInfo("UTC")).astimezone(LOCAL_TZ).replace(tzinfo=None)


def local_now() -> datetime:
    """Now on Vietnam's wall clock, whatever zone the server runs in."""
    return local_time(utcnow())


def local_today() -> date:
    """Today in Vietnam: the date every "today", "overdue" and "this month" is counted from."""
    return local_date(utcnow())


def due_date_for(received_at: datetime, deadline_days: int, overrides: CalendarOverrides = NO_OVERRIDES) -> date:
    """The due date of a petition received at `received_at` (naive UTC) with a handling time in working days."""
    return add_working_days(local_date(received_at), deadline_days, overrides)


def is_on_time(approved_at: datetime, due: date) -> bool:
    """On time means approved by the end of the due day, Vietnam time."""
    return local_date(approved_at) <= due


def load_overrides(session) -> CalendarOverrides:
    """Read the admin's calendar changes from the database."""
    from portal.models import CalendarDay

    rows = session.query(CalendarDay.day, CalendarDay.kind).all()
    return CalendarOverrides(
        days_off=frozenset(day for day, kind in rows if kind == "off"),
        working_days=frozenset(day for day, kind in rows if kind == "work"),
    )


@dataclass(frozen=True)
class Age:
    """How long an item has waited since it came in."""

    working_days: int  # working days after the day of receipt, up to today (0 on the day itself)
    hours: int  # whole clock hours since receipt


def age_since(received_at: datetime, now: datetime, overrides: CalendarOverrides = NO_OVERRIDES) -> Age:
    """The age of an item received at `received_at`, at `now` (both naive UTC), counted on Vietnam's calendar."""
    return Age(working_days=working_days_between(local_date(received_at), local_date(now), overrides),
               hours=max(0, int((now - received_at).total_seconds() // 3600)))

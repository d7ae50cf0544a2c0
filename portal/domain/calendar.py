"""Working days, working hours and deadlines: the one place the deadline rule lives.

Public holidays come from the `holidays` package (Tết and Giỗ Tổ Hùng Vương follow the
lunar calendar; compensatory days and announced swaps are in it). An admin adds what the
government announces later as CalendarDay rows: extra days off and make-up working days.
"""
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LOCAL_TZ = ZoneInfo("Asia/Ho_Chi_Minh")


# The hours an office works on a working day, Vietnam time (Decree 04/2021 leaves the split to each province);
# the setting WORKING_HOURS changes them ("07:30-11:30,13:30-17:00").
DEFAULT_WORKING_HOURS = ((time(7, 30), time(11, 30)), (time(13, 30), time(17, 0)))


@dataclass(frozen=True)
class CalendarOverrides:
    """Days an admin moved: `days_off` are not worked, `working_days` are (even on a weekend); `hours` are the
    working periods of every working day, local wall-clock times in order."""

    days_off: frozenset = field(default_factory=frozenset)
    working_days: frozenset = field(default_factory=frozenset)
    hours: tuple = DEFAULT_WORKING_HOURS


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


def local_isoformat(moment: datetime | None) -> str | None:
    """A naive-UTC timestamp in ISO 8601 on Vietnam's clock, with its offset: "2026-12-04T17:00:00+07:00"."""
    if moment is None:
        return None
    return moment.replace(tzinfo=timezone.utc).astimezone(LOCAL_TZ).isoformat(timespec="seconds")


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
    """Read the admin's calendar changes from the database, and the working hours from the settings."""
    from portal.models import CalendarDay

    rows = session.query(CalendarDay.day, CalendarDay.kind).all()
    return CalendarOverrides(
        days_off=frozenset(day for day, kind in rows if kind == "off"),
        working_days=frozenset(day for day, kind in rows if kind == "work"),
        hours=configured_working_hours(),
    )


def configured_working_hours() -> tuple:
    """WORKING_HOURS of the running application, else the default (outside an application: scripts, unit tests)."""
    from flask import current_app, has_app_context

    if not has_app_context():
        return DEFAULT_WORKING_HOURS
    return parse_working_hours(current_app.config.get("WORKING_HOURS") or "")


def parse_working_hours(text: str) -> tuple:
    """"07:30-11:30,13:30-17:00" → ((07:30, 11:30), (13:30, 17:00)); empty → the default. Refuses periods out of
    order or overlapping, which would count an hour twice."""
    if not text.strip():
        return DEFAULT_WORKING_HOURS
    periods = []
    for part in text.split(","):
        start, end = (time.fromisoformat(value.strip()) for value in part.split("-"))
        if end <= start or (periods and start < periods[-1][1]):
            raise ValueError(f"WORKING_HOURS: {text!r} must list periods in order, each ending after it starts")
        periods.append((start, end))
    return tuple(periods)


def _to_utc(local: datetime) -> datetime:
    """A naive Vietnam wall-clock time as naive UTC (the inverse of local_time)."""
    if local >= _SINCE_1976 + _LOCAL_OFFSET:
        return local - _LOCAL_OFFSET
    return local.replace(tzinfo=LOCAL_TZ).astimezone(timezone.utc).replace(tzinfo=None)


def _working_periods(day: date, overrides: CalendarOverrides):
    """The working periods of `day` as local naive datetimes (none on a day off)."""
    if not is_working_day(day, overrides):
        return ()
    return tuple((datetime.combine(day, start), datetime.combine(day, end)) for start, end in overrides.hours)


# A calendar with no working day in ten years is a misconfiguration, not a reason to loop for ever.
_MAX_DAYS_AHEAD = 3660


def add_working_hours(start_utc: datetime, hours: float, overrides: CalendarOverrides = NO_OVERRIDES) -> datetime:
    """The moment (naive UTC) `hours` working hours after `start_utc`, counted on Vietnam's working hours: the
    clock stops over lunch, nights, weekends, holidays and the admin's days off. A start outside working hours
    counts from the next working period."""
    if hours < 0:
        raise ValueError("hours must not be negative")
    local = local_time(start_utc)
    remaining = timedelta(hours=hours)
    day = local.date()
    for _ in range(_MAX_DAYS_AHEAD):
        for period_start, period_end in _working_periods(day, overrides):
            begin = max(local, period_start)
            if begin >= period_end:
                continue
            if remaining <= period_end - begin:
                return _to_utc(begin + remaining)
            remaining -= period_end - begin
        day += timedelta(days=1)
    raise ValueError("no working day within ten years: check the calendar")


def working_hours_between(start_utc: datetime, end_utc: datetime, overrides: CalendarOverrides = NO_OVERRIDES) -> float:
    """Working hours from `start_utc` to `end_utc` (naive UTC; 0 when end <= start)."""
    if end_utc <= start_utc:
        return 0.0
    start, end = local_time(start_utc), local_time(end_utc)
    total = timedelta()
    day = start.date()
    while day <= end.date():
        for period_start, period_end in _working_periods(day, overrides):
            overlap = min(end, period_end) - max(start, period_start)
            if overlap > timedelta():
                total += overlap
        day += timedelta(days=1)
    return total.total_seconds() / 3600


def end_of_working_day(day: date, overrides: CalendarOverrides = NO_OVERRIDES) -> datetime:
    """When the last working period of `day` ends (naive UTC): the deadline of a petition due that day."""
    return _to_utc(datetime.combine(day, overrides.hours[-1][1]))


def due_at_for(received_at: datetime, deadline_days: int, overrides: CalendarOverrides = NO_OVERRIDES) -> datetime:
    """The answer deadline (naive UTC) of a petition given `deadline_days` working days: the end of the working
    hours of its due date (due_date_for)."""
    return end_of_working_day(due_date_for(received_at, deadline_days, overrides), overrides)


@dataclass(frozen=True)
class Age:
    """How long an item has waited since it came in."""

    working_days: int  # working days after the day of receipt, up to today (0 on the day itself)
    hours: int  # whole clock hours since receipt


def age_since(received_at: datetime, now: datetime, overrides: CalendarOverrides = NO_OVERRIDES) -> Age:
    """The age of an item received at `received_at`, at `now` (both naive UTC), counted on Vietnam's calendar."""
    return Age(working_days=working_days_between(local_date(received_at), local_date(now), overrides),
               hours=max(0, int((now - received_at).total_seconds() // 3600)))

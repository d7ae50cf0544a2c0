from datetime import date, datetime, timedelta

from portal.domain.calendar import (
    CalendarOverrides,
    add_working_days,
    add_working_hours,
    due_at_for,
    due_date_for,
    end_of_working_day,
    is_on_time,
    is_working_day,
    parse_working_hours,
    working_days_between,
    working_hours_between,
)


def test_weekend_is_not_a_working_day():
    assert not is_working_day(date(2026, 11, 28))  # Saturday
    assert not is_working_day(date(2026, 11, 29))  # Sunday
    assert is_working_day(date(2026, 11, 30))


def test_due_date_skips_tet_holidays():
    # Tết Bính Ngọ 2026: 16–20 February off. Friday 13 Feb + 1 working day = Monday 23 Feb.
    assert add_working_days(date(2026, 2, 13), 1) == date(2026, 2, 23)
    assert add_working_days(date(2026, 2, 13), 5) == date(2026, 2, 27)


def test_due_date_skips_30_april_and_1_may():
    # Wednesday 29 April 2026 + 1 working day: 30/4 and 1/5 off, then the weekend → Monday 4 May.
    assert add_working_days(date(2026, 4, 29), 1) == date(2026, 5, 4)


def test_due_date_skips_national_day_and_the_bridge():
    # 2026: 31 Aug (swapped from Saturday 22 Aug), 1 and 2 Sep off.
    assert add_working_days(date(2026, 8, 28), 1) == date(2026, 9, 3)
    assert is_working_day(date(2026, 8, 22))  # the make-up Saturday


def test_hung_kings_day_follows_the_lunar_calendar():
    assert not is_working_day(date(2026, 4, 27))  # observed for Sunday 26 April
    assert not is_working_day(date(2027, 4, 16))


def test_admin_overrides_win():
    extra_day_off = date(2026, 12, 1)
    make_up_saturday = date(2026, 12, 5)
    overrides = CalendarOverrides(days_off=frozenset({extra_day_off}), working_days=frozenset({make_up_saturday}))
    assert not is_working_day(extra_day_off, overrides)
    assert is_working_day(make_up_saturday, overrides)
    # Monday 30 Nov + 2 working days: Tue 1 Dec is off, so Wed 2 and Thu 3.
    assert add_working_days(date(2026, 11, 30), 2, overrides) == date(2026, 12, 3)


def test_working_days_between_counts_across_tet():
    assert working_days_between(date(2026, 2, 13), date(2026, 2, 23)) == 1
    assert working_days_between(date(2026, 2, 23), date(2026, 2, 13)) == 0


def test_due_date_uses_vietnam_local_day():
    # 18:30 UTC on Thursday 26 Nov is 01:30 Friday 27 Nov in Hà Nội: counting starts from Friday.
    assert due_date_for(datetime(2026, 11, 26, 18, 30), 1) == date(2026, 11, 30)


def test_on_time_until_the_end_of_the_due_day_local_time():
    due = date(2026, 11, 27)
    assert is_on_time(datetime(2026, 11, 27, 16, 59), due)  # 23:59 local
    assert not is_on_time(datetime(2026, 11, 27, 17, 0), due)  # 00:00 next day local


# Working hours: 07:30–11:30 and 13:30–17:00 Vietnam time (UTC+7); the tests give UTC and read Vietnam's clock.
def _vn(*args) -> datetime:
    """A Vietnam wall-clock time as the naive UTC the database stores."""
    return datetime(*args) - timedelta(hours=7)


def test_working_hours_stop_over_the_lunch_break():
    # Monday 30 Nov 2026, 10:30 + 2 working hours: one hour before lunch, one after 13:30 → 14:30.
    assert add_working_hours(_vn(2026, 11, 30, 10, 30), 2) == _vn(2026, 11, 30, 14, 30)
    assert working_hours_between(_vn(2026, 11, 30, 10, 30), _vn(2026, 11, 30, 14, 30)) == 2


def test_working_hours_skip_the_weekend():
    # Friday 27 Nov 2026, 16:00 + 8 working hours: 1 on Friday, 4 on Monday morning, 3 after lunch → Monday 16:30.
    assert add_working_hours(_vn(2026, 11, 27, 16, 0), 8) == _vn(2026, 11, 30, 16, 30)
    assert working_hours_between(_vn(2026, 11, 27, 16, 0), _vn(2026, 11, 30, 16, 30)) == 8


def test_working_hours_skip_tet():
    # Friday 13 Feb 2026, 15:00 + 8 working hours: 2 on Friday, then Tết (16–20 Feb) and the weekend → Monday
    # 23 Feb, 4 in the morning and 2 after lunch → 15:30.
    assert add_working_hours(_vn(2026, 2, 13, 15, 0), 8) == _vn(2026, 2, 23, 15, 30)


def test_working_hours_count_a_make_up_saturday():
    make_up_saturday = date(2026, 12, 5)
    overrides = CalendarOverrides(working_days=frozenset({make_up_saturday}))
    # Friday 4 Dec 2026, 16:00 + 2 working hours: 1 on Friday, 1 on the make-up Saturday → Saturday 08:30.
    assert add_working_hours(_vn(2026, 12, 4, 16, 0), 2, overrides) == _vn(2026, 12, 5, 8, 30)
    assert add_working_hours(_vn(2026, 12, 4, 16, 0), 2) == _vn(2026, 12, 7, 8, 30)  # without it: Monday


def test_working_hours_start_outside_working_hours_counts_from_the_next_period():
    # Received at 20:00 on Monday: counted from Tuesday 07:30. At 12:00: counted from 13:30.
    assert add_working_hours(_vn(2026, 11, 30, 20, 0), 1) == _vn(2026, 12, 1, 8, 30)
    assert add_working_hours(_vn(2026, 11, 30, 12, 0), 1) == _vn(2026, 11, 30, 14, 30)
    assert working_hours_between(_vn(2026, 11, 30, 17, 0), _vn(2026, 12, 1, 7, 30)) == 0


def test_working_hours_are_configurable():
    mornings_only = CalendarOverrides(hours=parse_working_hours("08:00-12:00"))
    assert add_working_hours(_vn(2026, 11, 30, 11, 0), 2, mornings_only) == _vn(2026, 12, 1, 9, 0)
    assert end_of_working_day(date(2026, 11, 30), mornings_only) == _vn(2026, 11, 30, 12, 0)


def test_due_at_is_the_end_of_the_due_days_working_hours():
    # Received Friday 27 Nov 2026, 5 working days → due Friday 4 Dec, at 17:00 Vietnam time.
    assert due_at_for(_vn(2026, 11, 27, 9, 0), 5) == _vn(2026, 12, 4, 17, 0)

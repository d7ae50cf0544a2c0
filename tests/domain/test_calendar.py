from datetime import date, datetime

from portal.domain.calendar import (
    CalendarOverrides,
    add_working_days,
    due_date_for,
    is_on_time,
    is_working_day,
    working_days_between,
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

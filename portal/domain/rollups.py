"""Keeping the daily rollups (portal/models/rollup.py) equal to what a scan of the archive would count.

A petition's contribution to the rollups is a pure function of its own fields (`petition_contribution`). On every
flush, the contribution of each changed petition or rating before the change is taken away and the one after is
added, in the same transaction, with one upsert per rollup row touched: the listeners below are registered on the
application's session class by portal/domain/side_effects.py, which says what every flush and commit writes and
why. `rebuild` recomputes everything from the archive, for repair and after bulk loads; the tests check both roads
agree.
"""
from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache

from sqlalchemy import and_, delete, event, inspect, or_, select, text

from portal.domain.calendar import local_date
from portal.domain.lifecycle import NEVER_ANSWERED, is_reopening
from portal.domain.ratings import SCORE_ELEMENTS
from portal.models import (NONE_ID, Apology, CohortAnswer, DailyAgencyFigure, DailyFigure, DailyHandling, DailyRating,
                           DailyResponsibility, MonthlyAgencyFigure, MonthlyFigure, MonthlyHandling, Petition,
                           PetitionEvent, Rating)
from portal.models.base import utcnow

PETITION_FIELDS = ("created_at", "agency_id", "category_id", "channel", "status", "due_date", "published_at",
                   "answered_on_time", "handling_days", "closed_at", "intake_step")
RATING_FIELDS = ("created_at", "agency_id", *SCORE_ELEMENTS)
EVENT_FIELDS = ("at", "agency_id", "kind", "from_status", "to_status")
APOLOGY_FIELDS = ("issued_at", "agency_id")
# The steps that hand an item on or put it off, and the responsibility counter each adds to.
RESPONSIBILITY_STEPS = {"returned": "returns", "transferred": "transfers", "extended": "extensions"}
# Events other than transitions that count against the agency on them: an acknowledgement found late
# (domain/overdue.mark_late_acknowledgement).
EVENT_COUNTERS = {"ack_late": "late_acknowledgements"}
# The steps that take a published answer back because its sender rated it "not resolved" (lifecycle.is_reopening).
REOPENING_STEPS = ("reopened", "returned")
TABLES = {"figure": DailyFigure, "month_figure": MonthlyFigure, "agency_figure": DailyAgencyFigure,
          "month_agency_figure": MonthlyAgencyFigure, "handling": DailyHandling, "month_handling": MonthlyHandling,
          "rating": DailyRating, "responsibility": DailyResponsibility, "cohort": CohortAnswer}
KEYS = {"figure": ("day", "agency_id", "category_id", "channel"),
        "month_figure": ("month", "agency_id", "category_id", "channel"), "agency_figure": ("day", "agency_id"),
        "month_agency_figure": ("month", "agency_id"),
        "handling": ("day", "agency_id", "handling_days"),
        "month_handling": ("month", "agency_id", "category_id", "channel", "handling_days"), "rating": ("day", "agency_id"),
        "responsibility": ("day", "agency_id"), "cohort": ("received_day", "agency_id", "published_month")}


def petition_contribution(fields: dict) -> Counter:
    """{(table, key, column): amount} that one petition adds to the rollups."""
    out = Counter()
    for item, amount in petition_items(fields):
        out[item] += amount
    return out


def petition_items(fields: dict) -> list[tuple[tuple, int]]:
    """The same as a list, which a rebuild or a bulk load adds up without a Counter per petition. A petition waiting for the intake worker
    counts nowhere yet: its category and agency are still to be decided."""
    if fields.get("created_at") is None or fields.get("intake_step"):
        return []
    agency = fields["agency_id"] or NONE_ID
    published = fields["published_at"]
    counts = [(local_date(fields["created_at"]), "received", 1)]
    if fields["status"] == "rejected":  # out of its day's response-rate denominator (metrics.figure_rows)
        counts.append((counts[0][0], "received_rejected", 1))
    if published is not None:
        published_day = local_date(published)
        counts += [(counts[0][0], "received_answered", 1), (published_day, "answered", 1)]
        if fields["answered_on_time"]:
            counts.append((published_day, "on_time", 1))
        if fields["handling_days"] is not None:
            counts += [(published_day, "handling_count", 1), (published_day, "handling_sum", fields["handling_days"])]
    # Open and past due from the day after the due date until it stops being open: counted at a period's end
    # as (starts up to that day) - (stops up to that day).
    stop = _stop_day(fields)
    due = fields["due_date"]
    ended_without_date = fields["status"] in NEVER_ANSWERED and fields["closed_at"] is None and published is None
    if due is not None and not ended_without_date and (stop is None or stop > due):
        counts.append((due, "overdue_start", 1))
        if stop is not None:
            counts.append((stop, "overdue_stop", 1))
    fine = (fields["category_id"] or NONE_ID, fields["channel"])
    items = [(("figure", (day, agency, *fine), column), n) for day, column, n in counts]
    items += [(("month_figure", (day.replace(day=1), agency, *fine), column), n) for day, column, n in counts]
    items += [(("agency_figure", (day, agency), column), n) for day, column, n in counts]  # per agency only
    items += [(("month_agency_figure", (day.replace(day=1), agency), column), n) for day, column, n in counts]
    if published is not None:  # by month of publication: response rates of past periods (metrics._answered_after)
        items.append((("cohort", (counts[0][0], agency, published_day.replace(day=1)), "answers"), 1))
    if published is not None and fields["handling_days"] is not None:
        items.append((("handling", (published_day, agency, fields["handling_days"]), "answers"), 1))
        items.append((("month_handling", (published_day.replace(day=1), agency, *fine, fields["handling_days"]),
                       "answers"), 1))
    return items


def _stop_day(fields: dict) -> date | None:
    stops = []
    if fields["published_at"] is not None:
        stops.append(local_date(fields["published_at"]))
    if fields["status"] in NEVER_ANSWERED and fields["closed_at"] is not None:
        stops.append(local_date(fields["closed_at"]))
    return min(stops) if stops else None


def rating_contribution(fields: dict) -> Counter:
    if fields.get("created_at") is None:
        return Counter()
    key = (local_date(fields["created_at"]), fields["agency_id"] or NONE_ID)
    out = Counter({("rating", key, "ratings"): 1})
    for element in SCORE_ELEMENTS:
        if (fields[element] or 0) >= 4:
            out[("rating", key, element)] += 1
    return out


def event_contribution(fields: dict) -> Counter:
    """A return, transfer or extension, on its local day, against the agency on the event (the one letting go); a
    reopening against the agency whose answer was rated "not resolved" (a return it did not choose is not its
    return)."""
    column = _responsibility_column(fields) if fields["kind"] == "transition" else EVENT_COUNTERS.get(fields["kind"])
    if column is None or fields["at"] is None:
        return Counter()
    return Counter({("responsibility", (local_date(fields["at"]), fields["agency_id"] or NONE_ID), column): 1})


def _responsibility_column(fields: dict) -> str | None:
    if is_reopening(fields["from_status"], fields["to_status"]):
        return "reopened"
    if fields["to_status"] == "rejected":
        return "rejected"
    return RESPONSIBILITY_STEPS.get(fields["to_status"])


def apology_contribution(fields: dict) -> Counter:
    if fields["issued_at"] is None:
        return Counter()
    return Counter({("responsibility", (local_date(fields["issued_at"]), fields["agency_id"] or NONE_ID), "apologies"): 1})


def apply(connection, delta: Counter) -> None:
    """Add `delta` to the rollup rows, creating them when missing. Rows are touched in key order, so two
    transactions never wait on each other's rows in opposite orders (no deadlock on PostgreSQL)."""
    for (table, key), amounts in sorted(_by_row(delta).items(), key=lambda item: (item[0][0], str(item[0][1]))):
        columns = tuple(sorted(amounts))
        connection.execute(_upsert_text(table, columns), {**dict(zip(KEYS[table], key)), **amounts})


@lru_cache(maxsize=None)
def _upsert_text(table: str, columns: tuple[str, ...]):
    """INSERT ... ON CONFLICT DO UPDATE, the same words on SQLite and PostgreSQL; built once per shape and kept,
    since it runs for every change that touches the rollups."""
    return text(_upsert_sql(table, columns, f"VALUES ({', '.join(':' + c for c in KEYS[table] + columns)})"))


def _upsert_sql(table: str, columns: tuple[str, ...], source: str) -> str:
    """Rows from `source` (VALUES or a SELECT) added to the rollup rows with the same key, or inserted."""
    name, keys = TABLES[table].__tablename__, KEYS[table]
    return (f"INSERT INTO {name} ({', '.join(keys + columns)}) {source} "
            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET "
            + ", ".join(f"{c} = {name}.{c} + excluded.{c}" for c in columns))


def _by_row(delta) -> dict:
    """{(table, key): {column: amount}}, leaving out zeros."""
    rows = defaultdict(dict)
    for (table, key, column), amount in delta.items():
        if amount:
            rows[(table, key)][column] = amount
    return rows


# --- keeping them in step with the ORM -------------------------------------------------------------------------

def _fields(obj, names, old: bool) -> dict:
    state = inspect(obj)
    values = {}
    for name in names:
        if old:
            history = state.attrs[name].history
            if history.deleted:
                values[name] = history.deleted[0]
            else:  # a change from None shows no deleted value (the old values are loaded: see below)
                values[name] = None if history.added else getattr(obj, name)
        else:
            values[name] = getattr(obj, name)
    return values


# What each watched model counts for, and the column of its moment (filled before the flush: see below).
WATCHED = {Petition: (PETITION_FIELDS, petition_contribution, "created_at"),
           Rating: (RATING_FIELDS, rating_contribution, "created_at"),
           PetitionEvent: (EVENT_FIELDS, event_contribution, "at"),
           Apology: (APOLOGY_FIELDS, apology_contribution, "issued_at")}


def _watched(obj):
    return WATCHED.get(type(obj))


def take_old(session, flush_context, instances):
    """Before the flush: take away what each changed object counted for. Foreign keys set through relationships
    are only filled in during the flush, so the new contributions are added after it."""
    delta, changed = session.info.setdefault("rollup_delta", Counter()), session.info.setdefault("rollup_changed", [])
    for obj in list(session.new) + list(session.dirty) + list(session.deleted):
        watched = _watched(obj)
        if watched is None:
            continue
        names, contribution, moment = watched
        if obj in session.new:
            if getattr(obj, moment) is None:
                setattr(obj, moment, utcnow())  # the column default would come too late to be counted
        else:
            delta.subtract(contribution(_fields(obj, names, old=True)))
        if obj not in session.deleted:
            changed.append(obj)


def add_new(session, flush_context):
    """After the flush: add what each new or changed object counts for now."""
    delta = session.info.pop("rollup_delta", Counter())
    for obj in session.info.pop("rollup_changed", []):
        names, contribution, _ = _watched(obj)
        delta.update(contribution(_fields(obj, names, old=False)))
    if session.in_nested_transaction():
        apply(session.connection(), delta)  # written inside the savepoint, so its rollback takes them away too
    else:
        session.info.setdefault("rollup_pending", Counter()).update(delta)


def write_at_commit(session):
    """The changes of all flushes are netted and written once, just before the commit: a new petition is first
    flushed without an agency and assigned a moment later, and writing each flush would lock the "no agency" rows
    until the commit, making concurrent submissions wait for each other on PostgreSQL."""
    if session.in_nested_transaction():
        return
    session.flush()
    pending = session.info.pop("rollup_pending", None)
    if pending and any(pending.values()):
        apply(session.connection(), pending)


def forget(session, transaction):
    if transaction.parent is None:  # committed (and written above) or rolled back: nothing may carry over
        session.info.pop("rollup_pending", None)


def remember_old_values() -> None:
    """Load the old value of every watched attribute before it is set: without this, setting an attribute that was
    expired (after a commit) would not remember what it counted for. Registering twice changes nothing."""
    for model, (names, *_) in WATCHED.items():
        for name in names:
            attribute = getattr(model, name)
            if not event.contains(attribute, "set", _old_value_loaded):
                event.listen(attribute, "set", _old_value_loaded, active_history=True)


def _old_value_loaded(target, value, oldvalue, initiator):
    """Does nothing itself: listening with active_history=True is what makes SQLAlchemy load the old value."""


# --- rebuilding ------------------------------------------------------------------------------------------------

def rebuild(session, batch: int = 20000) -> int:
    """Recompute every rollup from the archive (after a restore, a bulk load, or to repair). Returns petitions read."""
    for model in TABLES.values():
        session.execute(delete(model))
    total, delta = 0, Counter()
    columns = [getattr(Petition, name) for name in PETITION_FIELDS]
    for row in session.execute(select(*columns).execution_options(yield_per=batch)):
        delta.update(petition_contribution(dict(zip(PETITION_FIELDS, row))))
        total += 1
    for row in session.execute(select(*(getattr(Rating, n) for n in RATING_FIELDS)).execution_options(yield_per=batch)):
        delta.update(rating_contribution(dict(zip(RATING_FIELDS, row))))
    steps = (select(*(getattr(PetitionEvent, n) for n in EVENT_FIELDS))
             .where(or_(and_(PetitionEvent.kind == "transition",
                             PetitionEvent.to_status.in_({*RESPONSIBILITY_STEPS, *REOPENING_STEPS, "rejected"})),
                        PetitionEvent.kind.in_(EVENT_COUNTERS))))
    for row in session.execute(steps.execution_options(yield_per=batch)):
        delta.update(event_contribution(dict(zip(EVENT_FIELDS, row))))
    for row in session.execute(select(*(getattr(Apology, n) for n in APOLOGY_FIELDS)).execution_options(yield_per=batch)):
        delta.update(apology_contribution(dict(zip(APOLOGY_FIELDS, row))))
    apply_bulk(session.connection(), delta)
    return total


def apply_bulk(connection, delta: dict) -> None:
    """Add a large `delta` (a bulk load, a rebuild): one upsert per table, its rows handed to the driver as plain
    tuples, not SQLAlchemy constructs, since a rebuild writes hundreds of thousands of them."""
    write_bulk_rows(connection, bulk_rows(delta))


def _copy_and_upsert(connection, table: str, counters: tuple[str, ...], rows: list[tuple]) -> None:
    """PostgreSQL: COPY into a temporary table, then one upsert from it, rather than an upsert per row. A table
    this transaction sees empty (a first bulk load, a rebuild) takes the COPY straight, with no temporary table."""
    name, columns = TABLES[table].__tablename__, ", ".join(KEYS[table] + counters)
    with connection.connection.driver_connection.cursor() as cursor:
        if _copied_into_empty(cursor, name, columns, rows):
            return
        cursor.execute(f"CREATE TEMPORARY TABLE bulk_{name} (LIKE {name}) ON COMMIT DROP")
        with cursor.copy(f"COPY bulk_{name} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        cursor.execute(_upsert_sql(table, counters, f"SELECT {columns} FROM bulk_{name}"))
        cursor.execute(f"DROP TABLE bulk_{name}")


def _copied_into_empty(cursor, name: str, columns: str, rows: list[tuple]) -> bool:
    """COPY the rows straight into `name` if this transaction sees it empty. A key that another transaction commits
    meanwhile makes the COPY fail: it is undone to its savepoint, and the caller adds the rows up instead."""
    from psycopg.errors import UniqueViolation

    if cursor.execute(f"SELECT EXISTS (SELECT FROM {name})").fetchone()[0]:
        return False
    cursor.execute("SAVEPOINT bulk_copy")
    try:
        with cursor.copy(f"COPY {name} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
    except UniqueViolation:
        cursor.execute("ROLLBACK TO SAVEPOINT bulk_copy")
        return False
    cursor.execute("RELEASE SAVEPOINT bulk_copy")
    return True


def bulk_rows(delta: dict) -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
    """{table: (its counter columns, its rows as plain tuples)}, what apply_bulk writes. Made without the database,
    so a bulk load makes them in the process that sums its rollups, while this one builds indexes."""
    by_table = defaultdict(list)
    for (table, key), amounts in _by_row(delta).items():
        by_table[table].append((key, amounts))
    tables = {}
    for table, items in by_table.items():
        counters = tuple(c.name for c in TABLES[table].__table__.columns if c.name not in KEYS[table])
        tables[table] = counters, [(*key, *(amounts.get(c, 0) for c in counters)) for key, amounts in items]
    return tables


def write_bulk_rows(connection, tables: dict[str, tuple[tuple[str, ...], list[tuple]]]) -> None:
    """Add the rows of bulk_rows to the rollup tables: one statement per table."""
    for table, (counters, rows) in tables.items():
        if connection.dialect.name == "postgresql":
            _copy_and_upsert(connection, table, counters, rows)
        else:
            markers = ", ".join("?" * (len(KEYS[table]) + len(counters)))
            connection.exec_driver_sql(_upsert_sql(table, counters, f"VALUES ({markers})"), rows)


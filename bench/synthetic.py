"""Synthetic petitions for load and scale tests: realistic shapes, bulk-inserted (no ORM objects), each with the
rows the real workflow would have left over the last 12 months: its events, assignments, answer, rating and apology.
Benchmarks and tests only (`python -m bench.seed_synthetic`); the product never loads it."""
import gc
import io
import multiprocessing
import queue
import random
import re
import secrets
from bisect import bisect
from collections import namedtuple
from datetime import date, datetime, time, timedelta, timezone
from functools import cached_property, lru_cache
from itertools import accumulate

from psycopg.copy import Copy, FileWriter
from sqlalchemy import func, text

from portal.domain.calendar import (LOCAL_TZ, CalendarOverrides, add_working_days, is_working_day, local_date,
                                    working_days_between)
from portal.domain.intake import petition_code
from portal.domain.petitions import hash_secret
from portal.domain.ratings import SCORE_ELEMENTS
from portal.domain.rollups import (PETITION_FIELDS, RATING_FIELDS, RESPONSIBILITY_STEPS, _upsert_sql, bulk_rows,
                                   petition_items, rating_contribution, write_bulk_rows)
from portal.domain.routing import DEFAULT_EXPECTED_RESULT
from portal.models import NONE_ID, Agency, Category, Petition, Rating
from portal.models.base import utcnow
from portal.models.petition import folded
from portal.text.corpus import build_corpus
from portal.text.redact import redact, redact_html

CHUNK = 10000
FIRST_PIECE = 500
WARDS = ["20275", "20224", "20200", "20257", "20260", "20314", "20194", "20197"]
CHANNELS = ["web", "hotline", "dialogue", "email", "api"]
CHANNEL_CUM_WEIGHTS = list(accumulate([45, 30, 10, 5, 10]))
BASE_SCORES, SCORE_SPREAD = [5, 5, 4, 4, 4, 3, 2], [-1, 0, 0, 1]
LOADED_TABLES = ("petition", "petition_event", "assignment", "rating", "answer", "apology", "petition_rejection")
SIDE_ROADS = ["rejected", "withdrawn", "returned"]
# The overdue sweep runs from cron every few minutes: an item open past its due date is marked just after midnight.
SWEEP_TIME = time(0, 5)


@lru_cache(maxsize=None)
def _due(day: date, days: int) -> date:
    return add_working_days(day, days, _known_days(day.year))


@lru_cache(maxsize=None)
def _handling(start: date, end: date) -> int:
    return working_days_between(start, end, _known_days(start.year))


@lru_cache(maxsize=None)
def _known_days(year: int) -> CalendarOverrides:
    """Every day of `year` and the next as the calendar itself has it (no day moved), told to it as overrides: it
    then answers each from a set instead of its holiday tables, which matters for the first rows of a load, whose
    due dates are not cached yet (figures: bench/README.md)."""
    days = [date(year, 1, 1) + timedelta(days=n) for n in range((date(year + 2, 1, 1) - date(year, 1, 1)).days)]
    working = frozenset(day for day in days if is_working_day(day))
    return CalendarOverrides(days_off=frozenset(days) - working, working_days=working)


@lru_cache(maxsize=None)
def _swept_at(due: date) -> datetime:
    """When the sweep found an item still open after `due` (naive UTC)."""
    local = datetime.combine(due + timedelta(days=1), SWEEP_TIME, LOCAL_TZ)
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def seed_synthetic(session, count: int, seed: int = 1, *, render_apology) -> dict[str, int]:
    """Insert `count` petitions (and their rows) in bulk; returns rows written per table. `render_apology(petition,
    agency, today)` writes an apology letter, as the sweep does. Into an empty or smaller archive, the secondary
    indexes (on PostgreSQL also the foreign keys and most keys) are dropped first and built once at the end, each in
    one sorted pass instead of millions of scattered inserts. All of it is one transaction: a failed load leaves the
    schema as it was."""
    connection = session.connection()
    _begin(connection)
    maker = RowMaker(session, seed)
    first_id = maker.next_id
    # Python makes the rows (and sums their rollups) in a child process while this one writes them: two cores. It
    # starts first, and makes its first rows while this one gets the schema ready.
    context = multiprocessing.get_context("fork")
    made = context.Queue(maxsize=2)
    child = context.Process(target=_make_rows, args=(maker, count, made, RowEncoder(connection)), daemon=True)
    child.start()
    try:
        _write_letters(connection, session, render_apology)
        remade = _suspend_search_triggers(connection)
        if first_id - 1 < count:
            remade += _drop_secondary_indexes(connection)
        restore_settings = _bulk_load_settings(connection)
        try:
            written = _write_rows(connection, made, child, first_id)
            _index_search_text(connection, first_id)
            _remake(connection, remade)
            rollup_rows = _receive(made, child)
        finally:
            restore_settings()
    finally:
        child.kill()  # done, or not needed any more; SIGTERM could be caught by a handler the child inherited
        child.join()
    write_bulk_rows(connection, rollup_rows)
    add_responsibility_of_loaded(connection, first_id)  # its events were written in SQL: summed in SQL
    connection.exec_driver_sql("DROP TABLE synthetic_letter")
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT setval(pg_get_serial_sequence('petition', 'id'), (SELECT max(id) FROM petition))"))
    session.commit()
    return written


def _begin(connection) -> None:
    """The sqlite3 driver opens a transaction only before a data change; the DDL below must be inside one."""
    raw = connection.connection.driver_connection
    if connection.dialect.name == "sqlite" and not raw.in_transaction:
        raw.execute("BEGIN")


def _make_rows(maker: "RowMaker", count: int, made, encoder: "RowEncoder") -> None:
    """In the child process: each piece of rows ready for the database, then None, then the rows of the rollups they
    add up to (or the error)."""
    # Rows and their sums hold no reference cycles, so the collector's passes over a heap that only grows would find
    # nothing to free.
    gc.disable()
    try:
        groups = RollupGroups()
        for first, size in _pieces(maker.next_id, count):
            rows = [maker.row(petition_id) for petition_id in range(first, first + size)]
            made.put(encoder.encode(rows))
            groups.add_all(rows)
        made.put(None)
        made.put(bulk_rows(groups.rollup()))  # while the parent builds the indexes
    except BaseException as error:
        made.put(error)


def _pieces(first_id: int, count: int):
    """(first id, size) of each piece the child sends: a CHUNK, but the first one in pieces of FIRST_PIECE and up,
    doubling, so that the database starts writing a moment after the child starts making rows."""
    done, size = 0, FIRST_PIECE
    while done < count:
        size = min(size, count - done, CHUNK - done % CHUNK)
        yield first_id + done, size
        done += size
        size = CHUNK if done >= CHUNK else 2 * size


def _receive(made, child):
    while True:
        try:
            item = made.get(timeout=1)
        except queue.Empty:
            if not child.is_alive():
                raise RuntimeError("the process making synthetic rows stopped")
            continue
        if isinstance(item, BaseException):
            raise item
        return item


def _write_rows(connection, made, child, first_id: int) -> dict[str, int]:
    """Writes each piece the child sends and the rows derived from it: its events at once (SORTED_ROWS), the other
    rows for each whole CHUNK of petitions, so that they get the same ids as in a load without pieces."""
    written = dict.fromkeys(LOADED_TABLES, 0)
    statements = {table: text(sql.format(**_sql_fragments(connection.dialect.name))) for table, sql in DERIVED_ROWS.items()}
    by_piece = {table: statements.pop(table) for table in SORTED_ROWS}
    values = _bound_values()  # while the child makes the first rows
    piece_first = chunk_first = first_id
    while (piece := _receive(made, child)) is not None:
        for table, (columns, data, count) in piece.items():
            _insert_encoded(connection, table, columns, data)
            written[table] += count
        last = piece_first + piece["petition"][2] - 1
        _derive(connection, by_piece, {"first": piece_first, "last": last, **values}, written)
        if (last + 1 - first_id) % CHUNK == 0:
            _derive(connection, statements, {"first": chunk_first, "last": last, **values}, written)
            chunk_first = last + 1
        piece_first = last + 1
    if chunk_first < piece_first:
        _derive(connection, statements, {"first": chunk_first, "last": piece_first - 1, **values}, written)
    return written


def _derive(connection, statements: dict, bounds: dict, written: dict[str, int]) -> None:
    for table, statement in statements.items():
        written[table] += connection.execute(statement, bounds).rowcount


class RollupGroups:
    """The rollups of a bulk load. A petition's contribution depends on its timestamps only through their local
    day, so petitions alike in every rollup field on those days are counted once, times how many they are: a large
    load has far fewer kinds of petition than petitions."""

    def __init__(self):
        self.petitions: dict[tuple, list] = {}
        self.ratings: dict[tuple, list] = {}

    def add_all(self, rows: list[tuple[dict, dict | None]]) -> None:
        for petition, rating in rows:
            _count_alike(self.petitions, petition, PETITION_FIELDS)
            if rating:
                _count_alike(self.ratings, rating, RATING_FIELDS)

    def rollup(self) -> dict:
        totals = {}  # a plain dict: Counter's += does more per item, and this loop runs for every item of every group
        for petition, n in self.petitions.values():
            for item, amount in petition_items(petition):
                totals[item] = totals.get(item, 0) + amount * n
        for rating, n in self.ratings.values():
            for item, amount in rating_contribution(rating).items():
                totals[item] = totals.get(item, 0) + amount * n
        return totals


def _count_alike(groups: dict, fields: dict, names: tuple[str, ...]) -> None:
    key = tuple([local_date(v) if v.__class__ is datetime else v for v in map(fields.get, names)])
    group = groups.get(key)
    if group is None:
        groups[key] = [fields, 1]
    else:
        group[1] += 1


def add_responsibility_of_loaded(connection, first_petition_id: int) -> None:
    """The load writes its events and apology letters in SQL, so their responsibility counts are summed in SQL too,
    by the same rules as rollups.event_contribution and apology_contribution (a rebuild after a load checks the two
    agree): one pass over the loaded petitions' events."""
    day = _local_day_sql(connection.dialect.name)
    step_columns = {**RESPONSIBILITY_STEPS, "rejected": "rejected"}
    counters = (*step_columns.values(), "apologies")
    steps = ", ".join(f"'{step}'" for step in step_columns)
    per_step = ", ".join(f"CASE WHEN to_status = '{step}' THEN 1 ELSE 0 END AS {column}"
                         for step, column in step_columns.items())
    no_steps = ", ".join("0" for _ in step_columns)
    source = (f"SELECT day, agency_id, {', '.join(f'sum({c})' for c in counters)} FROM ("
              f"SELECT {day.format('at')} AS day, coalesce(agency_id, {NONE_ID}) AS agency_id, {per_step}, "
              f"0 AS apologies FROM petition_event "
              f"WHERE petition_id >= :first AND kind = 'transition' AND to_status IN ({steps}) "
              f"UNION ALL SELECT {day.format('issued_at')}, coalesce(agency_id, {NONE_ID}), {no_steps}, 1 "
              f"FROM apology WHERE petition_id >= :first) AS steps GROUP BY day, agency_id")
    connection.execute(text(_upsert_sql("responsibility", counters, source)), {"first": first_petition_id})


def _local_day_sql(dialect: str) -> str:
    # Vietnam has kept UTC+7 without daylight saving since 1976 (calendar.local_date); timestamps are naive UTC.
    if dialect == "postgresql":
        return "CAST({} + interval '7 hours' AS DATE)"
    return "date({}, '+7 hours')"


# --- the schema around a load ------------------------------------------------------------------------------------

INDEX_MEMORY, GIN_MEMORY = "512MB", "4MB"  # PostgreSQL's maintenance_work_mem for the index builds: see _remake
# The keys DERIVED_ROWS finds rows by, for each chunk: they stay through a load.
LOOKUP_KEYS = {("petition", "PRIMARY KEY (id)"), ("rating", "UNIQUE (petition_id)")}


def _suspend_search_triggers(connection) -> list[str]:
    """On SQLite, the full-text index is fed once at the end (_index_search_text), in one statement instead of row by
    row through the triggers of migration 0002. They are made again from their own stored text."""
    if connection.dialect.name != "sqlite":
        return []
    triggers = connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                          "AND tbl_name = 'petition' AND name LIKE 'petition_fts_%'").all()
    for name, _ in triggers:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    return [sql for _, sql in triggers]


def _index_search_text(connection, first_id: int) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("INSERT INTO petition_fts(rowid, search_staff, search_public) "
                                   "SELECT id, search_staff, search_public FROM petition WHERE id >= ?", (first_id,))


def _drop_secondary_indexes(connection) -> list[str]:
    """Drops what the load would otherwise update or check row by row: the indexes of the loaded tables that no key
    or constraint stands on and, on PostgreSQL, their foreign keys (checked again in one pass when they are made
    again; SQLite checks them cheaply and cannot drop them) and their primary and unique keys, but those the load
    finds rows by (LOOKUP_KEYS) and those a foreign key refers to: a key made again checks its rows in one sorted
    pass instead of updating its index row by row. Returns the statements
    that make them again, as the database itself wrote them down, indexes first."""
    if connection.dialect.name == "sqlite":
        indexes = connection.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join('?' * len(LOADED_TABLES))})", LOADED_TABLES).all()
        constraints = []
    else:
        tables = {"tables": list(LOADED_TABLES)}
        indexes = connection.exec_driver_sql(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid = ANY(%(tables)s::regclass[]) AND NOT i.indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)", tables).all()
        keys = connection.exec_driver_sql(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint c "
            "WHERE contype IN ('p', 'u') AND conrelid = ANY(%(tables)s::regclass[]) AND NOT EXISTS "
            "(SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.conindid = c.conindid)", tables).all()
        foreign_keys = connection.exec_driver_sql(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND conrelid = ANY(%(tables)s::regclass[])", tables).all()
        constraints = [key for key in keys if (key[0], key[2]) not in LOOKUP_KEYS] + foreign_keys
    for table, name, _ in reversed(constraints):  # foreign keys first
        connection.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        connection.exec_driver_sql(f"DROP INDEX {name}")
    return ([sql for _, sql in indexes]
            + [f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}' for table, name, definition in constraints])


def _remake(connection, statements: list[str]) -> None:
    """Makes the dropped indexes and foreign keys again. A full-text (GIN) build looks each word of each row up in a
    tree of the entries gathered so far, written out whenever they outgrow maintenance_work_mem: a small memory keeps
    that tree small (every petition code is an entry of its own), but too small a memory writes it out too often:
    GIN_MEMORY is the measured middle (bench/README.md)."""
    memory = INDEX_MEMORY
    for statement in statements:
        wanted = GIN_MEMORY if " USING gin " in statement else INDEX_MEMORY
        if wanted != memory:
            connection.exec_driver_sql(f"SET LOCAL maintenance_work_mem = '{wanted}'")
            memory = wanted
        connection.exec_driver_sql(statement)


def _bulk_load_settings(connection):
    """Memory for the load, for this transaction only; returns what puts things back."""
    if connection.dialect.name == "postgresql":
        # Index builds sort in memory instead of on disk; the load's commit need not wait for the WAL flush
        # (a crash loses the whole synthetic load, never part of it).
        for setting in (f"maintenance_work_mem = '{INDEX_MEMORY}'", "work_mem = '64MB'", "synchronous_commit = off"):
            connection.exec_driver_sql(f"SET LOCAL {setting}")
        return lambda: None
    # A large load inserts all over big indexes: give it 512 MB of page cache.
    page_cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql("PRAGMA cache_size=-524288")
    return lambda: connection.exec_driver_sql(f"PRAGMA cache_size={int(page_cache)}")


# Everything else follows from the petition row: the database writes it itself, no Python per row. Each step is
# written as the real code writes it (domain/petitions.py, routing.py, workflow.py, lifecycle.py, overdue.py,
# ratings.py). Steps with no column of their own happen at fixed delays after receipt: a wrong agency hands the
# item on within the hour (TRANSFER_MINUTES), the agency takes it up, or returns it, within hours (ACCEPT_MINUTES).
TRANSFER_MINUTES = (10, 40)  # first, spread: 10 + id % 40 minutes
ACCEPT_MINUTES = (60, 300)
_STEPS = f"""
    WITH p AS (
        SELECT p.id, p.code, p.content, p.channel, p.status, p.agency_id, p.due_date, p.created_at, p.answered_at,
               p.published_at, p.closed_at, p.overdue_marked_at, coalesce(c.default_agency_id, p.agency_id) AS first_id,
               first.name AS first_name, lead.name AS lead_name,
               {{transferred_at}} AS transferred_at, {{accepted_at}} AS accepted_at
        FROM petition p JOIN category c ON c.id = p.category_id
        JOIN agency lead ON lead.id = p.agency_id JOIN agency first ON first.id = coalesce(c.default_agency_id, p.agency_id)
        WHERE p.id BETWEEN :first AND :last)"""
_OFFICER = "'Chuyên viên xử lý (' || {agency} || ')'"
# At intake the agency is not yet on the row when these two events are written (domain/petitions.py).
_NO_AGENCY = "CAST(NULL AS INTEGER)"
_EVENT_STEPS = [  # (step, at, actor label, kind, from, to, note, agency, which petitions)
    ("received", "created_at", ":system", "transition", "NULL", "'received'",
     "'Tiếp nhận qua kênh ' || channel || '.'", _NO_AGENCY, "1 = 1"),
    ("assigned", "created_at", ":system", "transition", "'received'", "'assigned'",
     "'Giao ' || first_name || ' chủ trì giải quyết, hạn ' || {due_text} || '.'", _NO_AGENCY, "1 = 1"),
    ("transferred", "transferred_at", _OFFICER.format(agency="first_name"), "transition", "'assigned'", "'transferred'",
     "'Chuyển từ ' || first_name || ' sang ' || lead_name || '. Lý do: Nội dung thuộc phạm vi quản lý của ' "
     "|| lead_name || '.'", "first_id", "agency_id <> first_id"),
    ("in_progress", "accepted_at", _OFFICER.format(agency="lead_name"), "transition", "{handed}", "'in_progress'",
     "lead_name || ' tiếp nhận xử lý.'", "agency_id", "status IN ('in_progress', 'answered', 'published', 'closed')"),
    ("answered", "answered_at", _OFFICER.format(agency="lead_name"), "transition", "'in_progress'", "'answered'",
     "'Đã có dự thảo trả lời, chờ lãnh đạo duyệt.'", "agency_id", "status IN ('answered', 'published', 'closed')"),
    ("published", "published_at", "'Lãnh đạo cơ quan (' || lead_name || ')'", "transition", "'answered'", "'published'",
     "'Lãnh đạo cơ quan đã duyệt, trả lời được công khai.'", "agency_id", "status IN ('published', 'closed')"),
    ("closed", "closed_at", ":system", "transition", "'published'", "'closed'",
     "'Người dân xác nhận vấn đề đã được giải quyết.'", "agency_id", "status = 'closed'"),
    ("returned", "accepted_at", _OFFICER.format(agency="lead_name"), "transition", "{handed}", "'returned'",
     "'Trả lại bộ phận điều phối. Lý do: Nội dung không thuộc thẩm quyền giải quyết của ' || lead_name || '.'",
     "agency_id", "status IN ('returned', 'rejected')"),
    ("rejected", "closed_at", "'Bộ phận điều phối (Văn phòng UBND)'", "transition", "'returned'", "'rejected'",
     "'Không thuộc thẩm quyền của tỉnh; đã hướng dẫn người dân gửi đến cơ quan có thẩm quyền.'", "agency_id",
     "status = 'rejected'"),
    ("withdrawn", "closed_at", ":system", "transition", "{handed}", "'withdrawn'",
     "'Người gửi đề nghị rút phản ánh.'", "agency_id", "status = 'withdrawn'"),
    ("overdue", "overdue_marked_at", ":system", "overdue", "NULL", "NULL",
     "'Quá hạn trả lời (' || {due_text} || '). Cơ quan xử lý gửi văn bản xin lỗi.'", "agency_id",
     "overdue_marked_at IS NOT NULL"),
]
_EVENT_BRANCHES = "\n        UNION ALL ".join(
    f"SELECT id AS petition_id, {at} AS at, {actor} AS actor_label, '{kind}' AS kind, {before} AS from_status, "
    f"{after} AS to_status, {note} AS note, {agency} AS agency_id, {step} AS step FROM p WHERE {which}"
    for step, (_, at, actor, kind, before, after, note, agency, which) in enumerate(_EVENT_STEPS))
_RATING_EVENTS = (f"SELECT r.petition_id, r.created_at, :system, 'rating', NULL, NULL, "
                  f"'Người dân đã gửi đánh giá mức độ hài lòng.', r.agency_id, {len(_EVENT_STEPS)} "
                  f"FROM rating r WHERE r.petition_id BETWEEN :first AND :last")
# The steps of a petition are written in time order, so its event ids read as its timeline, whatever the bounds of
# the statement that writes them (SORTED_ROWS); the other statements number their rows in the order they read them.
SORTED_ROWS = ("petition_event",)
DERIVED_ROWS = {
    "petition_event": f"""
    INSERT INTO petition_event (petition_id, at, actor_label, kind, from_status, to_status, note, public, agency_id)
    {_STEPS}
    SELECT petition_id, at, actor_label, kind, from_status, to_status, note, :yes, agency_id
    FROM ({_EVENT_BRANCHES}
        UNION ALL {_RATING_EVENTS}) steps
    ORDER BY petition_id, at, step""",
    "assignment": f"""
    INSERT INTO assignment (petition_id, lead_agency_id, responsible_official, task, coordinating_agencies, due_date,
                            expected_result, created_at, active)
    {_STEPS}
    SELECT id, first_id, 'Lãnh đạo ' || first_name,
           'Xem xét, giải quyết và trả lời phản ánh ' || code || ': ' || substr(content, 1, 80), '', due_date,
           :expected_result, created_at, agency_id = first_id FROM p
    UNION ALL
    SELECT id, agency_id, 'Lãnh đạo ' || lead_name,
           'Tiếp nhận từ ' || first_name || ': xem xét, giải quyết phản ánh ' || code, '', due_date, :expected_result,
           transferred_at, :yes FROM p WHERE agency_id <> first_id""",
    "answer": f"""
    INSERT INTO answer (petition_id, agency_id, body_html, published_html, state, created_at, submitted_at,
                        approved_at)
    {_STEPS}
    SELECT id, agency_id, {{answer_body}}, CASE WHEN published_at IS NULL THEN NULL ELSE {{answer_public}} END,
           CASE WHEN published_at IS NULL THEN 'submitted' ELSE 'approved' END, answered_at, answered_at, published_at
    FROM p WHERE status IN ('answered', 'published', 'closed')""",
    "apology": f"""
    INSERT INTO apology (petition_id, agency_id, missed_due_date, body_html, issued_at)
    {_STEPS}
    SELECT p.id, p.agency_id, p.due_date, {{letter}}, p.overdue_marked_at
    FROM p JOIN synthetic_letter l ON l.agency_id = p.agency_id WHERE p.overdue_marked_at IS NOT NULL""",
    # The record workflow.reject writes with the rejection event (same moment, same agency): the reason the sender
    # reads and the metrics count by.
    "petition_rejection": f"""
    INSERT INTO petition_rejection (petition_id, kind, reason, note, agency_id, actor_label, at)
    {_STEPS}
    SELECT id, 'rejection', 'out_of_scope',
           'Không thuộc thẩm quyền của tỉnh; đã hướng dẫn người dân gửi đến cơ quan có thẩm quyền.', agency_id,
           'Bộ phận điều phối (Văn phòng UBND)', closed_at FROM p WHERE status = 'rejected'""",
}


# An answer as agencies write them; the public reads it redacted (workflow.approve_answer), here the officer's
# name and telephone number.
ANSWER_BODIES = [
    "<p>@@agency@@ đã tiếp nhận phản ánh @@code@@ và phối hợp với UBND phường kiểm tra hiện trường. Đơn vị quản lý "
    "đã khắc phục xong, đề nghị người dân tiếp tục theo dõi và phản ánh nếu tình trạng tái diễn.</p>"
    "<p>Mọi thắc mắc xin liên hệ bà Nguyễn Thị Hoa, chuyên viên phụ trách, điện thoại 0236 3822 123.</p>",
    "<p>Về phản ánh @@code@@, @@agency@@ đã giao phòng chuyên môn xác minh. Nội dung phản ánh là đúng; cơ quan đã "
    "yêu cầu tổ chức, cá nhân liên quan chấm dứt vi phạm và sẽ kiểm tra lại trong 15 ngày.</p>"
    "<p>Cán bộ theo dõi: ông Trần Văn Minh, điện thoại 0905 214 367.</p>",
    "<p>@@agency@@ trả lời phản ánh @@code@@ như sau: vụ việc thuộc kế hoạch xử lý năm nay, đã được bố trí kinh "
    "phí và dự kiến hoàn thành trong quý tới. Cơ quan cảm ơn người dân đã quan tâm, phản ánh.</p>",
]


def _bound_values() -> dict:
    """What the statements deriving the other rows bind, besides the chunk's bounds."""
    return {"yes": True, "system": "Hệ thống", "expected_result": DEFAULT_EXPECTED_RESULT, **answer_texts()}


def answer_texts() -> dict[str, str]:
    """The answer bodies and their redacted public text, as bind values for the answer statement."""
    values = {}
    for number, body in enumerate(ANSWER_BODIES):
        values[f"body{number}"], values[f"public{number}"] = body, redact_html(body)
    return values


def _answer_sql(kind: str) -> str:
    """One of the bodies (or their public texts), chosen by the petition id, with its agency and code filled in."""
    chosen = " ".join(f"WHEN {n} THEN :{kind}{n}" for n in range(len(ANSWER_BODIES)))
    return (f"replace(replace(CASE id % {len(ANSWER_BODIES)} {chosen} END, '@@agency@@', lead_name), "
            f"'@@code@@', code)")


class _Placeholder:
    """Stands for a value the database fills in: a letter is rendered once per agency with these in its place."""

    def __init__(self, name: str):
        self.name = name

    def strftime(self, pattern: str) -> str:
        return f"@@{self.name}{pattern}@@"

    def __str__(self):
        return f"@@{self.name}@@"


# What each placeholder of a letter is filled with (the letter is dated the day the sweep issued it).
_LETTER_DATES = {"created": ("p.created_at", 0), "due": ("p.due_date", 0), "today": ("p.due_date", 1)}
_TO_CHAR = {"%d": "DD", "%m": "MM", "%Y": "YYYY"}


def _write_letters(connection, session, render_apology) -> None:
    """The apology letter of each agency, placeholders in it, in a temporary table the apology statement reads."""
    connection.exec_driver_sql("CREATE TEMPORARY TABLE synthetic_letter (agency_id INTEGER PRIMARY KEY, body_html TEXT)")
    petition = namedtuple("LetterPetition", "code reporter_name created_at due_date")(
        _Placeholder("code"), None, _Placeholder("created"), _Placeholder("due"))
    for agency in session.query(Agency):
        letter = render_apology(petition, agency, _Placeholder("today"))
        unknown = set(re.findall(r"@@(\w+?)(%[^@]*)?@@", letter)) - {("code", "")} - {
            (name, pattern) for name in _LETTER_DATES for pattern in ("%d/%m/%Y", "%d", "%m", "%Y")}
        if unknown:
            raise ValueError(f"the apology letter uses values synthetic seeding cannot fill: {sorted(unknown)}")
        connection.execute(text("INSERT INTO synthetic_letter VALUES (:agency, :letter)"),
                           {"agency": agency.id, "letter": letter})


def _letter_sql(dialect: str) -> str:
    """The agency's letter with the petition's code and dates put in its placeholders."""
    sql = "replace(l.body_html, '@@code@@', p.code)"
    for name, (column, days_after) in _LETTER_DATES.items():
        for pattern in ("%d/%m/%Y", "%d", "%m", "%Y"):
            sql = f"replace({sql}, '@@{name}{pattern}@@', {_date_text(dialect, column, pattern, days_after)})"
    return sql


def _date_text(dialect: str, column: str, pattern: str, days_after: int = 0) -> str:
    """The day of `column` (plus `days_after`) written with a strftime pattern of %d, %m, %Y and slashes."""
    if dialect == "postgresql":
        day = f"{column} + {days_after}" if days_after else column  # a date plus days; a timestamp as it is
        return f"to_char({day}, '{'/'.join(_TO_CHAR[part] for part in re.findall('%.', pattern))}')"
    return f"strftime('{pattern}', {column}, '+{days_after} days')"


def _sql_fragments(dialect: str) -> dict[str, str]:
    """The parts of DERIVED_ROWS each database writes its own way (dates: SQLite keeps them as text)."""
    return {"transferred_at": _minutes_after(dialect, "p.created_at", TRANSFER_MINUTES),
            "accepted_at": _minutes_after(dialect, "p.created_at", ACCEPT_MINUTES),
            "due_text": _date_text(dialect, "due_date", "%d/%m/%Y"),
            "handed": "CASE WHEN agency_id <> first_id THEN 'transferred' ELSE 'assigned' END",
            "answer_body": _answer_sql("body"), "answer_public": _answer_sql("public"), "letter": _letter_sql(dialect)}


def _minutes_after(dialect: str, column: str, minutes: tuple[int, int]) -> str:
    delay = f"({minutes[0]} + p.id % {minutes[1]})"
    if dialect == "postgresql":
        return f"{column} + {delay} * interval '1 minute'"
    # Whole minutes on the whole seconds, the microseconds put back as they were: the text SQLAlchemy stores.
    return f"strftime('%Y-%m-%d %H:%M:%S', substr({column}, 1, 19), '+' || {delay} || ' minutes') || substr({column}, 20)"


def step_delay(petition_id: int, minutes: tuple[int, int]) -> timedelta:
    """The Python twin of _minutes_after: when a step without a column of its own happened after receipt."""
    return timedelta(minutes=minutes[0] + petition_id % minutes[1])


class RowEncoder:
    """Turns rows into what the database takes in one call (the fastest road each offers), in the child process,
    so that the parent only hands it on: binary COPY data on PostgreSQL, made by a Copy that writes into
    memory (the parent's cursor only lends it its type adapters: nothing goes over the connection); on SQLite, value
    lists for the driver's executemany, converted exactly as SQLAlchemy would store them."""

    TABLES = {"petition": Petition.__table__, "rating": Rating.__table__}

    def __init__(self, connection):
        self.dialect = connection.dialect
        if self.dialect.name == "postgresql":
            raw = connection.connection.driver_connection
            self.cursor = raw.cursor()
            self.types = {table: _column_types(raw, table) for table in self.TABLES}

    def encode(self, rows: list[tuple[dict, dict | None]]) -> dict[str, tuple[list[str], object, int]]:
        """{table: (columns, data, row count)}, the petitions first."""
        tables = {"petition": [petition for petition, _ in rows], "rating": [rating for _, rating in rows if rating]}
        # Every row of a table has its keys in the same order.
        return {table: (list(records[0]), self._data(table, records), len(records))
                for table, records in tables.items() if records}

    def _data(self, table: str, records: list[dict]):
        if self.dialect.name == "postgresql":
            # Binary values: the database takes them as they are, without parsing their text.
            data = io.BytesIO()
            with Copy(self.cursor, binary=True, writer=FileWriter(data)) as copy:
                copy.set_types([self.types[table][column] for column in records[0]])
                for record in records:
                    copy.write_row(list(record.values()))
            return data.getvalue()
        columns = self.TABLES[table].c
        processors = [(i, p) for i, c in enumerate(records[0]) if (p := columns[c].type.bind_processor(self.dialect))]
        values = []
        for record in records:
            value = list(record.values())
            for i, process in processors:
                if value[i] is not None:
                    value[i] = process(value[i])
            values.append(value)
        return values


def _insert_encoded(connection, table: str, columns: list[str], data) -> None:
    raw = connection.connection.driver_connection
    names = ", ".join(columns)
    if connection.dialect.name == "postgresql":
        with raw.cursor().copy(f"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)") as copy:
            copy.write(data)  # signature, rows and trailer: the whole of it
        return
    raw.executemany(f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})", data)


def _column_types(raw, table: str) -> dict[str, int]:
    """{column: its type} as the database declares it, which binary COPY must be told."""
    return dict(raw.execute("SELECT attname, atttypid FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0",
                            (table,)).fetchall())


# --- the rows ----------------------------------------------------------------------------------------------------

CategoryShape = namedtuple("CategoryShape", "id default_agency_id deadline_days")


class RowMaker:
    """Makes petition rows (and their ratings) from one random sequence: the same seed gives the same archive."""

    def __init__(self, session, seed: int):
        self.rng = random.Random(seed)
        # Plain values, which the child process making the rows can read without the database.
        self.categories = {c.code: CategoryShape(c.id, c.default_agency_id, c.deadline_days)
                           for c in session.query(Category).all()}
        self.agencies = [a.id for a in session.query(Agency).all()]
        self.secret_hash = hash_secret(secrets.token_hex(8))  # synthetic items are not meant to be tracked
        self.next_id = (session.query(func.max(Petition.id)).scalar() or 0) + 1
        self.now = utcnow()

    @cached_property
    def texts(self) -> dict[str, list[tuple]]:
        """Per category (those the corpus has texts for, in code order), its first TEXTS_PER_CATEGORY corpus texts,
        folded (and redacted for the public, as at publication) once: that is most of the per-row cost. Made on
        first use, in the child process. The rules find every name the corpus holds (all after ông/bà); the NER
        model would add a second per text and only false alarms here."""
        chosen: dict[str, list[tuple]] = {}
        for t, c, *_ in build_corpus():
            if c in self.categories and len(chosen.setdefault(c, [])) < TEXTS_PER_CATEGORY:
                chosen[c].append((t, folded(t), (public := redact(t, use_ner=False)), folded(public)))
        return dict(sorted(chosen.items()))

    def row(self, petition_id: int) -> tuple[dict, dict | None]:
        return _petition_row(self.rng, petition_id, self.texts, self.categories, self.agencies, self.secret_hash,
                             self.now)


# Texts per category the archive draws from. The category is drawn from the random sequence and the text from the
# petition's id, so the archive's fates (which depend on the category's deadline) stay the same when the corpus grows.
TEXTS_PER_CATEGORY = 600


def _petition_row(rng, petition_id, texts, categories, agencies, secret_hash, now) -> tuple[dict, dict | None]:
    category_code = _pick(rng, list(texts))
    of_category = texts[category_code]
    content, content_folded, public_content, public_folded = of_category[(petition_id * 2654435761) % len(of_category)]
    category = categories[category_code]
    agency_id = category.default_agency_id if rng.random() < 0.9 else _pick(rng, agencies)  # else handed on
    created = now - timedelta(days=rng.uniform(0, 365), hours=rng.uniform(0, 8))
    received = local_date(created)
    due = _due(received, category.deadline_days)
    status, answered, published, closed = _fate(rng, petition_id, created, received, category, now)
    if status == "assigned" and agency_id != category.default_agency_id:
        status = "transferred"
    overdue = _overdue_marked_at(due, published or closed, now)
    channel = CHANNELS[bisect(CHANNEL_CUM_WEIGHTS, rng.random() * CHANNEL_CUM_WEIGHTS[-1])]
    code = petition_code("PA", created.year, petition_id)
    published_day = local_date(published) if published else None
    petition = {
        "id": petition_id, "code": code, "secret_hash": secret_hash, "title": "", "content": content,
        "channel": channel, "category_id": category.id, "agency_id": agency_id, "status": status,
        "province_code": "48", "ward_code": _pick(rng, WARDS), "address": "", "consent_public": True,
        "needs_triage": status == "returned", "created_at": created,
        "updated_at": max(filter(None, (_last_step(petition_id, status, created, answered, published, closed),
                                        overdue))),
        "due_date": due, "extension_used": False, "overdue_marked_at": overdue, "answered_at": answered,
        "published_at": published, "version": 1,
        "answered_on_time": (published_day <= due) if published else None,
        "handling_days": _handling(received, published_day) if published else None,
        "public_content": public_content if published else None,
        "closed_at": closed,
        "search_staff": f"{code.lower()} {content_folded}",
        "search_public": f"{code.lower()} {public_folded}" if published else None,
    }
    return petition, _rating(rng, petition_id, agency_id, published, now)


def _fate(rng, petition_id, created, received, category, now) -> tuple:
    """How far the petition has gone: (status, answered_at, published_at, closed_at). Old items are nearly all
    settled; the backlog is the recent weeks, as in a working portal."""
    age = now - created
    fate = rng.random() * (0.76 if age.days > 2 * category.deadline_days + 10 else 1.0)
    if fate < 0.72:
        answered = _answered(rng, petition_id, created, received, category, now)
        if answered:
            return answered
    elif fate >= 0.95 and age > timedelta(days=1):
        status = _pick(rng, SIDE_ROADS)
        closed = None if status == "returned" else min(now, created + timedelta(days=rng.uniform(1, 20)))
        return status, None, None, closed
    accepted = created + step_delay(petition_id, ACCEPT_MINUTES)
    share = rng.random()
    if accepted >= now or share < 0.1:
        return "assigned", None, None, None
    if share < 0.85:
        return "in_progress", None, None, None
    return "answered", accepted + (now - accepted) * rng.uniform(0.1, 1), None, None  # awaiting the head


def _answered(rng, petition_id, created, received, category, now) -> tuple | None:
    """Published after 1 to deadline_days working days (a fifth may run 6 days late), or None if that is still
    to come. The draft went to the head hours or days before; three in ten citizens then closed the item."""
    delay = 1 + int(rng.random() * (category.deadline_days + (6 if rng.random() < 0.2 else 0)))
    published = datetime.combine(_due(received, delay), datetime.min.time()) + timedelta(hours=rng.uniform(1, 9))
    if published > now:
        return None
    accepted = created + step_delay(petition_id, ACCEPT_MINUTES)
    answered = max(accepted + (published - accepted) / 2, published - timedelta(hours=rng.uniform(2, 72)))
    closed = published + timedelta(days=rng.uniform(1, 10))
    if rng.random() < 0.3 and closed <= now:
        return "closed", answered, published, closed
    return "published", answered, published, None


def _overdue_marked_at(due: date, stopped: datetime | None, now: datetime) -> datetime | None:
    """When the sweep marked the item overdue (and issued the apology): the first run after its due date, if it was
    still open then."""
    if due >= local_date(now):
        return None
    swept = min(now, _swept_at(due))
    return swept if stopped is None or stopped > swept else None


def _last_step(petition_id, status, created, answered, published, closed) -> datetime:
    if closed or published or answered:
        return closed or published or answered
    if status in ("in_progress", "returned"):
        return created + step_delay(petition_id, ACCEPT_MINUTES)
    if status == "transferred":
        return created + step_delay(petition_id, TRANSFER_MINUTES)
    return created


def _pick(rng, items: list):
    """rng.choice without its checks (random() is one C call), as random.choices does it: it runs for every field
    of every row."""
    return items[int(rng.random() * len(items))]


def _rating(rng, petition_id, agency_id, published, now) -> dict | None:
    """Four in ten citizens rate a published answer, the day after."""
    if not published or published + timedelta(days=1) > now or rng.random() >= 0.4:
        return None
    base = _pick(rng, BASE_SCORES)
    scores = {e: max(1, min(5, base + _pick(rng, SCORE_SPREAD))) for e in SCORE_ELEMENTS}
    rated_at = published + timedelta(days=1)
    return {"petition_id": petition_id, "agency_id": agency_id, **scores, "resolved": base >= 4, "comment": "",
            "created_at": rated_at, "updated_at": rated_at}

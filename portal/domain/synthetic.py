"""Synthetic petitions for load and scale tests: realistic shapes, bulk-inserted (no ORM objects),
with their events, assignments and ratings over the last 12 months."""
import multiprocessing
import queue
import random
import secrets
from collections import namedtuple
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate

from sqlalchemy import func, text

from portal.domain.calendar import add_working_days, local_date, working_days_between
from portal.domain.petitions import hash_secret
from portal.domain.rollups import PETITION_FIELDS, RATING_FIELDS, apply_bulk, petition_items, rating_contribution
from portal.models import Agency, Category, Petition, Rating
from portal.models.base import utcnow
from portal.models.petition import folded
from portal.text.corpus import build_corpus

CHUNK = 10000
WARDS = ["20275", "20224", "20200", "20257", "20260", "20314", "20194", "20197"]
CHANNELS = ["web", "hotline", "dialogue", "email", "api"]
CHANNEL_CUM_WEIGHTS = list(accumulate([45, 30, 10, 5, 10]))  # what random.choices makes of the weights each call
LOADED_TABLES = ("petition", "petition_event", "assignment", "rating")


@lru_cache(maxsize=None)
def _due(day: date, days: int) -> date:
    return add_working_days(day, days)


@lru_cache(maxsize=None)
def _handling(start: date, end: date) -> int:
    return working_days_between(start, end)


def seed_synthetic(session, count: int, seed: int = 1) -> dict[str, int]:
    """Insert `count` petitions (and their rows) in bulk; returns rows written per table. Into an empty or smaller
    archive, the secondary indexes are dropped first and built once at the end, each in one sorted pass instead of
    millions of scattered inserts. All of it is one transaction: a failed load leaves the schema as it was."""
    connection = session.connection()
    _begin(connection)
    maker = RowMaker(session, seed)
    first_id = maker.next_id
    remade = _suspend_search_triggers(connection)
    if first_id - 1 < count:
        remade += _drop_secondary_indexes(connection)
    restore_settings = _bulk_load_settings(connection)
    # Python makes the rows (and sums their rollups) in a child process while this one writes them: two cores.
    made = multiprocessing.get_context("fork").Queue(maxsize=2)
    child = multiprocessing.get_context("fork").Process(target=_make_rows, args=(maker, count, made), daemon=True)
    child.start()
    try:
        written = _write_rows(connection, made, child)
        _index_search_text(connection, first_id)
        for statement in remade:
            connection.exec_driver_sql(statement)
        rollup = _receive(made, child)
    finally:
        restore_settings()
        child.kill()  # done, or not needed any more; SIGTERM could be caught by a handler the child inherited
        child.join()
    apply_bulk(connection, rollup)
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT setval(pg_get_serial_sequence('petition', 'id'), (SELECT max(id) FROM petition))"))
    session.commit()
    return written


def _begin(connection) -> None:
    """The sqlite3 driver opens a transaction only before a data change; the DDL below must be inside one."""
    raw = connection.connection.driver_connection
    if connection.dialect.name == "sqlite" and not raw.in_transaction:
        raw.execute("BEGIN")


def _make_rows(maker: "RowMaker", count: int, made) -> None:
    """In the child process: each chunk of rows, then None, then the rollups they add up to (or the error)."""
    try:
        groups = RollupGroups()
        for start in range(0, count, CHUNK):
            rows = [maker.row(maker.next_id + start + i) for i in range(min(CHUNK, count - start))]
            made.put(rows)
            groups.add_all(rows)
        made.put(None)
        made.put(groups.rollup())  # while the parent builds the indexes
    except BaseException as error:
        made.put(error)


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


def _write_rows(connection, made, child) -> dict[str, int]:
    written = dict.fromkeys(LOADED_TABLES, 0)
    while (rows := _receive(made, child)) is not None:
        bulk_insert(connection, Petition.__table__, [petition for petition, _ in rows])
        ratings = [rating for _, rating in rows if rating]
        if ratings:
            bulk_insert(connection, Rating.__table__, ratings)
        bounds = {"first": rows[0][0]["id"], "last": rows[-1][0]["id"], "yes": True, "system": "Hệ thống"}
        for table, statement in DERIVED_ROWS.items():
            written[table] += connection.execute(text(statement), bounds).rowcount
        written["petition"] += len(rows)
        written["rating"] += len(ratings)
    return written


class RollupGroups:
    """The rollups of a bulk load. A petition's contribution depends on its timestamps only through their local
    day, so petitions alike in every rollup field on those days are counted once, times how many they are: at a
    million petitions that is less than half the work."""

    def __init__(self):
        self.petitions: dict[tuple, list] = {}
        self.ratings: dict[tuple, list] = {}

    def add_all(self, rows: list[tuple[dict, dict | None]]) -> None:
        for petition, rating in rows:
            _count_alike(self.petitions, petition, PETITION_FIELDS)
            if rating:
                _count_alike(self.ratings, rating, RATING_FIELDS)

    def rollup(self) -> dict:
        totals = {}  # a plain dict: Counter's += costs twice as much per item
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


# --- the schema around a load ------------------------------------------------------------------------------------

def _suspend_search_triggers(connection) -> list[str]:
    """On SQLite, the full-text index is fed once at the end (_index_search_text), far faster than row by row
    through the triggers of migration 0002. They are made again from their own stored text."""
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
    again; SQLite checks them cheaply and cannot drop them). Returns the statements that make them again, as the
    database itself wrote them down, indexes first."""
    if connection.dialect.name == "sqlite":
        indexes = connection.exec_driver_sql(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
            f"AND tbl_name IN ({', '.join('?' * len(LOADED_TABLES))})", LOADED_TABLES).all()
        foreign_keys = []
    else:
        tables = {"tables": list(LOADED_TABLES)}
        indexes = connection.exec_driver_sql(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
            "WHERE i.indrelid = ANY(%(tables)s::regclass[]) AND NOT i.indisprimary "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)", tables).all()
        foreign_keys = connection.exec_driver_sql(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE contype = 'f' AND conrelid = ANY(%(tables)s::regclass[])", tables).all()
    for table, name, _ in foreign_keys:
        connection.exec_driver_sql(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
    for name, _ in indexes:
        connection.exec_driver_sql(f"DROP INDEX {name}")
    return ([sql for _, sql in indexes]
            + [f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}' for table, name, definition in foreign_keys])


def _bulk_load_settings(connection):
    """Memory for the load, for this transaction only; returns what puts things back."""
    if connection.dialect.name == "postgresql":
        # Index builds sort in memory instead of on disk; the load's commit need not wait for the WAL flush
        # (a crash loses the whole synthetic load, never part of it).
        for setting in ("maintenance_work_mem = '512MB'", "work_mem = '64MB'", "synchronous_commit = off"):
            connection.exec_driver_sql(f"SET LOCAL {setting}")
        return lambda: None
    # A large load inserts all over big indexes: give it 512 MB of page cache.
    page_cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql("PRAGMA cache_size=-524288")
    return lambda: connection.exec_driver_sql(f"PRAGMA cache_size={int(page_cache)}")


# Events and assignments follow from the petition row: the database writes them itself, no Python per row.
# Within a petition the event ids keep the timeline's order (received, assigned, published).
_CHUNK = "FROM petition WHERE id BETWEEN :first AND :last"
DERIVED_ROWS = {
    "petition_event": f"""
        INSERT INTO petition_event (petition_id, at, actor_label, kind, from_status, to_status, note, public, agency_id)
        SELECT id, created_at, :system, 'transition', NULL, 'received', '', :yes, agency_id {_CHUNK}
        UNION ALL SELECT id, created_at, :system, 'transition', 'received', 'assigned', '', :yes, agency_id {_CHUNK}
        UNION ALL SELECT id, published_at, :system, 'transition', 'answered', 'published', '', :yes, agency_id {_CHUNK}
                  AND published_at IS NOT NULL""",
    "assignment": f"""
        INSERT INTO assignment (petition_id, lead_agency_id, responsible_official, task, coordinating_agencies, due_date,
                                expected_result, created_at, active)
        SELECT id, agency_id, 'Lãnh đạo cơ quan', 'Xem xét, giải quyết', '', due_date, 'Trả lời bằng văn bản',
               created_at, :yes {_CHUNK}""",
}


def bulk_insert(connection, table, rows: list[dict]) -> None:
    """The fastest road each database offers: COPY on PostgreSQL, the driver's executemany on SQLite, with the
    values converted exactly as SQLAlchemy would store them."""
    columns = list(rows[0])
    raw = connection.connection.driver_connection
    if connection.dialect.name == "postgresql":
        with raw.cursor().copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(list(row.values()))  # every row of a chunk has its keys in the same order
        return
    processors = [(i, p) for i, c in enumerate(columns) if (p := table.c[c].type.bind_processor(connection.dialect))]
    values = []
    for row in rows:  # the dicts themselves stay untouched
        value = list(row.values())
        for i, process in processors:
            if value[i] is not None:
                value[i] = process(value[i])
        values.append(value)
    raw.executemany(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    values)


# --- the rows ----------------------------------------------------------------------------------------------------

CategoryShape = namedtuple("CategoryShape", "id default_agency_id deadline_days")


class RowMaker:
    """Makes petition rows (and their ratings) from one random sequence: the same seed gives the same archive."""

    def __init__(self, session, seed: int):
        self.rng = random.Random(seed)
        # The corpus texts, folded once for the search columns (folding is most of the per-row cost).
        self.texts = [(t, c, folded(t)) for t, c, _ in build_corpus()]
        # Plain values, which the child process making the rows can read without the database.
        self.categories = {c.code: CategoryShape(c.id, c.default_agency_id, c.deadline_days)
                           for c in session.query(Category).all()}
        self.agencies = [a.id for a in session.query(Agency).all()]
        self.secret_hash = hash_secret(secrets.token_hex(8))  # synthetic items are not meant to be tracked
        self.next_id = (session.query(func.max(Petition.id)).scalar() or 0) + 1
        self.now = utcnow()

    def row(self, petition_id: int) -> tuple[dict, dict | None]:
        return _petition_row(self.rng, petition_id, self.texts, self.categories, self.agencies, self.secret_hash,
                             self.now)


def _petition_row(rng, petition_id, texts, categories, agencies, secret_hash, now) -> tuple[dict, dict | None]:
    content, category_code, content_folded = rng.choice(texts)
    category = categories[category_code]
    agency_id = category.default_agency_id if rng.random() < 0.9 else rng.choice(agencies)
    created = now - timedelta(days=rng.uniform(0, 365), hours=rng.uniform(0, 8))
    received = local_date(created)
    due = _due(received, category.deadline_days)
    # Old items are nearly all settled; the backlog is the recent weeks, as in a working portal.
    fate = rng.random() * (0.76 if (now - created).days > 2 * category.deadline_days + 10 else 1.0)
    published = status = None
    if fate < 0.72:  # answered; most on time, some late
        delay = rng.randint(1, category.deadline_days + (6 if rng.random() < 0.2 else 0))
        published = datetime.combine(_due(received, delay), datetime.min.time()) + timedelta(hours=rng.uniform(1, 9))
        status = "closed" if rng.random() < 0.3 else "published"
        if published > now:
            published, status = None, None
    status = status or ("in_progress" if fate < 0.95 else rng.choice(["rejected", "withdrawn", "returned"]))
    channel = rng.choices(CHANNELS, cum_weights=CHANNEL_CUM_WEIGHTS)[0]
    code = f"PA-{created.year}-{petition_id:06d}"
    search_text = f"{code.lower()} {content_folded}"
    published_day = local_date(published) if published else None
    petition = {
        "id": petition_id, "code": code, "secret_hash": secret_hash, "title": "", "content": content,
        "channel": channel, "category_id": category.id, "agency_id": agency_id, "status": status,
        "province_code": "48", "ward_code": rng.choice(WARDS), "address": "", "consent_public": True,
        "needs_triage": False, "created_at": created, "updated_at": published or created, "due_date": due,
        "extension_used": False, "published_at": published, "version": 1,
        "answered_on_time": (published_day <= due) if published else None,
        "handling_days": _handling(received, published_day) if published else None,
        "public_content": content if published else None,
        "closed_at": published if status == "closed" else (
            min(now, created + timedelta(days=rng.uniform(1, 20))) if status in ("rejected", "withdrawn") else None),
        "search_staff": search_text,
        "search_public": search_text if published else None,
    }
    rating = None
    if published and rng.random() < 0.4:
        base = rng.choice([5, 5, 4, 4, 4, 3, 2])
        scores = {e: max(1, min(5, base + rng.choice([-1, 0, 0, 1]))) for e in ("access", "procedure", "staff",
                                                                                 "result", "feedback")}
        rated_at = published + timedelta(days=1)
        rating = {"petition_id": petition_id, "agency_id": agency_id, **scores, "resolved": base >= 4, "comment": "",
                  "created_at": rated_at, "updated_at": rated_at}
    return petition, rating

"""Synthetic petitions for load and scale tests: realistic shapes, bulk-inserted (no ORM objects),
with their events, assignments and ratings over the last 12 months."""
import queue
import random
import threading
from collections import Counter
import secrets
from datetime import date, datetime, timedelta
from functools import lru_cache

from sqlalchemy import func, text

from portal.domain.calendar import add_working_days, local_date, working_days_between
from portal.domain.petitions import hash_secret
from portal.domain.rollups import apply_bulk, petition_items, rating_contribution
from portal.models import Agency, Category, Petition, Rating
from portal.models.base import utcnow
from portal.models.petition import folded
from portal.text.corpus import build_corpus

CHUNK = 5000
WARDS = ["20275", "20224", "20200", "20257", "20260", "20314", "20194", "20197"]
CHANNEL_WEIGHTS = [("web", 45), ("hotline", 30), ("dialogue", 10), ("email", 5), ("api", 10)]


@lru_cache(maxsize=None)
def _due(day: date, days: int) -> date:
    return add_working_days(day, days)


@lru_cache(maxsize=None)
def _handling(start: date, end: date) -> int:
    return working_days_between(start, end)


def seed_synthetic(session, count: int, seed: int = 1) -> dict[str, int]:
    """Insert `count` petitions (and their rows) in bulk; returns rows written per table."""
    rng = random.Random(seed)
    # The corpus texts, folded once for the search columns (folding is most of the per-row cost).
    texts = [(t, c, folded(t)) for t, c, _ in build_corpus()]
    categories = {c.code: c for c in session.query(Category).all()}
    agencies = [a.id for a in session.query(Agency).all()]
    secret_hash = hash_secret(secrets.token_hex(8))  # synthetic items are not meant to be tracked
    next_id = (session.query(func.max(Petition.id)).scalar() or 0) + 1
    now = utcnow()
    written = {"petition": 0, "petition_event": 0, "assignment": 0, "rating": 0}
    rollup = Counter()
    connection = session.connection()
    search_triggers = _suspend_search_triggers(connection)
    if connection.dialect.name == "sqlite":  # a large load inserts all over big indexes: give it 512 MB of cache
        page_cache = connection.exec_driver_sql("PRAGMA cache_size").scalar()
        connection.exec_driver_sql("PRAGMA cache_size=-524288")
    # The database works on one chunk while Python makes the next: a writer thread, one chunk ahead at most.
    chunks: queue.Queue = queue.Queue(maxsize=1)
    failure = []
    writer = threading.Thread(target=_write_chunks, args=(connection, chunks, written, failure))
    writer.start()
    try:
        for start in range(0, count, CHUNK):
            rows = [_petition_row(rng, next_id + start + i, texts, categories, agencies, secret_hash, now)
                    for i in range(min(CHUNK, count - start))]
            chunks.put(rows)
            for r in rows:
                for item, amount in petition_items(r["petition"]):
                    rollup[item] = rollup.get(item, 0) + amount
                if r["rating"]:
                    rollup.update(rating_contribution(r["rating"]))
            if failure:
                break
    finally:
        chunks.put(None)
        writer.join()
    if failure:
        raise failure[0]
    for statement in search_triggers:
        connection.exec_driver_sql(statement)
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"PRAGMA cache_size={int(page_cache)}")
    apply_bulk(session.connection(), rollup)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT setval(pg_get_serial_sequence('petition', 'id'), (SELECT max(id) FROM petition))"))
    session.commit()
    return written


def _write_chunks(connection, chunks: queue.Queue, written: dict, failure: list) -> None:
    while (rows := chunks.get()) is not None:
        if failure:
            continue
        try:
            bulk_insert(connection, Petition.__table__, [r["petition"] for r in rows])
            ratings = [r["rating"] for r in rows if r["rating"]]
            if ratings:
                bulk_insert(connection, Rating.__table__, ratings)
            bounds = {"first": rows[0]["petition"]["id"], "last": rows[-1]["petition"]["id"], "yes": True,
                      "system": "Hệ thống"}
            for table, statement in DERIVED_ROWS.items():
                written[table] += connection.execute(text(statement), bounds).rowcount
            if connection.dialect.name == "sqlite":
                connection.execute(text(f"INSERT INTO petition_fts(rowid, search_staff, search_public) "
                                        f"SELECT id, search_staff, search_public {_CHUNK}"), bounds)
            written["petition"] += len(rows)
            written["rating"] += len(ratings)
        except Exception as error:  # handed to the main thread, which raises it
            failure.append(error)


def _suspend_search_triggers(connection) -> list[str]:
    """On SQLite, the full-text index is fed a chunk at a time (ten times faster than row by row through the
    triggers of migration 0002). The triggers are dropped inside the load's transaction and made again from
    their own stored text at its end, so a failed load leaves them as they were."""
    if connection.dialect.name != "sqlite":
        return []
    triggers = connection.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                                          "AND tbl_name = 'petition' AND name LIKE 'petition_fts_%'").all()
    for name, _ in triggers:
        connection.exec_driver_sql(f"DROP TRIGGER {name}")
    return [sql for _, sql in triggers]


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
                copy.write_row([row[c] for c in columns])
        return
    processors = [(i, p) for i, c in enumerate(columns) if (p := table.c[c].type.bind_processor(connection.dialect))]
    values = []
    for row in rows:  # every row of a chunk has its keys in the same order; the dicts themselves stay untouched
        value = list(row.values())
        for i, process in processors:
            if value[i] is not None:
                value[i] = process(value[i])
        values.append(value)
    raw.executemany(f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                    values)


def _petition_row(rng, petition_id, texts, categories, agencies, secret_hash, now) -> dict:
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
    channel = rng.choices([c for c, _ in CHANNEL_WEIGHTS], [w for _, w in CHANNEL_WEIGHTS])[0]
    code = f"PA-{created.year}-{petition_id:06d}"
    petition = {
        "id": petition_id, "code": code, "secret_hash": secret_hash, "title": "", "content": content,
        "channel": channel, "category_id": category.id, "agency_id": agency_id, "status": status,
        "province_code": "48", "ward_code": rng.choice(WARDS), "address": "", "consent_public": True,
        "needs_triage": False, "created_at": created, "updated_at": published or created, "due_date": due,
        "extension_used": False, "published_at": published, "version": 1,
        "answered_on_time": (local_date(published) <= due) if published else None,
        "handling_days": _handling(received, local_date(published)) if published else None,
        "public_content": content if published else None,
        "closed_at": published if status == "closed" else (
            min(now, created + timedelta(days=rng.uniform(1, 20))) if status in ("rejected", "withdrawn") else None),
        "search_staff": f"{code.lower()} {content_folded}",
        "search_public": f"{code.lower()} {content_folded}" if published else None,
    }
    rating = None
    if published and rng.random() < 0.4:
        base = rng.choice([5, 5, 4, 4, 4, 3, 2])
        scores = {e: max(1, min(5, base + rng.choice([-1, 0, 0, 1]))) for e in ("access", "procedure", "staff",
                                                                                 "result", "feedback")}
        rating = {"petition_id": petition_id, "agency_id": agency_id, **scores, "resolved": base >= 4, "comment": "",
                  "created_at": published + timedelta(days=1), "updated_at": published + timedelta(days=1)}
    return {"petition": petition, "rating": rating}

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
from portal.domain.rollups import apply_bulk, petition_contribution, rating_contribution
from portal.models import Agency, Assignment, Category, Petition, PetitionEvent, Rating
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
                rollup.update(petition_contribution(r["petition"]))
                if r["rating"]:
                    rollup.update(rating_contribution(r["rating"]))
            if failure:
                break
    finally:
        chunks.put(None)
        writer.join()
    if failure:
        raise failure[0]
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
            for table, key in ((PetitionEvent.__table__, "events"), (Assignment.__table__, "assignment"),
                               (Rating.__table__, "rating")):
                batch = [item for r in rows for item in (r[key] if isinstance(r[key], list) else [r[key]]) if item]
                if batch:
                    bulk_insert(connection, table, batch)
                    written[table.name] += len(batch)
            written["petition"] += len(rows)
        except Exception as error:  # handed to the main thread, which raises it
            failure.append(error)


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
    processors = [table.c[c].type.bind_processor(connection.dialect) for c in columns]
    convert = [(c, p) for c, p in zip(columns, processors)]
    values = [tuple(p(row[c]) if p and row[c] is not None else row[c] for c, p in convert) for row in rows]
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
    events = [_event(petition_id, created, None, "received", agency_id),
              _event(petition_id, created + timedelta(seconds=1), "received", "assigned", agency_id)]
    if published:
        events.append(_event(petition_id, published, "answered", "published", agency_id))
    rating = None
    if published and rng.random() < 0.4:
        base = rng.choice([5, 5, 4, 4, 4, 3, 2])
        scores = {e: max(1, min(5, base + rng.choice([-1, 0, 0, 1]))) for e in ("access", "procedure", "staff",
                                                                                 "result", "feedback")}
        rating = {"petition_id": petition_id, "agency_id": agency_id, **scores, "resolved": base >= 4, "comment": "",
                  "created_at": published + timedelta(days=1), "updated_at": published + timedelta(days=1)}
    assignment = {"petition_id": petition_id, "lead_agency_id": agency_id, "responsible_official": "Lãnh đạo cơ quan",
                  "task": "Xem xét, giải quyết", "coordinating_agencies": "", "due_date": due,
                  "expected_result": "Trả lời bằng văn bản", "created_at": created, "active": True}
    return {"petition": petition, "events": events, "assignment": assignment, "rating": rating}


def _event(petition_id, at, from_status, to_status, agency_id) -> dict:
    return {"petition_id": petition_id, "at": at, "actor_label": "Hệ thống", "kind": "transition",
            "from_status": from_status, "to_status": to_status, "note": "", "public": True, "agency_id": agency_id}

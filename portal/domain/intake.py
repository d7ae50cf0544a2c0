"""The one road a petition comes in by, whatever the channel (web form, API, Open311, hotline, dialogue, import,
demo data, the tests' factory), in two steps, so a flood of petitions after a storm never waits on the classifier.

1. `receive` validates and stores the petition with its "received" event and returns its code and secret:
   one short transaction (the caller commits), nothing else. Its `intake_step` says what is left: "classify"
   (no category chosen) or "route".
2. `route_pending` (the intake worker, `flask intake work`; or, after the commit, the request itself through
   `route_if_inline` when INTAKE_ROUTING is "inline") classifies what the sender did not categorise, routes and
   assigns by the "5 rõ" rule and notifies.

A pending petition is stored and trackable, but in no figure and no agency's list until it is routed.
If routing one fails, the petition goes to the coordinator's triage queue instead: it is never lost or stuck.
"""
import hashlib
import hmac
import json
import logging
import os
import time
from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy import Integer, String, bindparam, cast, func, insert, literal, select, update
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm.exc import StaleDataError

from portal.domain import calendar, media, outbox
from portal.domain.classification import category_for_intake
from portal.domain.errors import ValidationFailed
from portal.domain.lifecycle import describe_actor, record_event
from portal.domain.petitions import (
    DEFAULT_CATEGORY,
    UNKNOWN_CATEGORY,
    PetitionDraft,
    clean_fields,
    hash_secret,
    new_secret,
)
from portal.domain.routing import route_new_petition
from portal.domain.text import clean_text
from portal.models import Category, IdempotencyKey, Petition, PetitionEvent, WorkerHeartbeat
from portal.models.base import utcnow

log = logging.getLogger(__name__)
ROUTING_FAILED_NOTE = "Không tự phân loại, giao việc được: chờ bộ phận điều phối xử lý."
BATCH = 20  # per transaction: on SQLite the write lock is held for the batch, so keep it short
LULL = timedelta(seconds=1)  # see _waiting_for_a_lull
MAX_ROUTING_DELAY = timedelta(seconds=60)
# Test-only: seconds to wait before routing each petition of a batch, so that a system test can kill the worker in
# the middle of one (tests/system/test_worker_lease.py). Never set in production.
SLOW_ROUTING_FOR_TESTS = float(os.environ.get("PORTAL_TEST_SLOW_ROUTING_SECONDS") or 0)


class Receipt(NamedTuple):
    """What a sender gets back: the code and secret to follow the petition."""

    petition_id: int
    code: str
    secret: str
    new: bool = True  # False when a retry returned an earlier submission


class KeyToRemember(NamedTuple):
    """A client's Idempotency-Key, stored with the petition it created and in the same transaction."""

    key: str
    request_hash: str


def scoped_idempotency_key(key: str, *, api_key_id: int | None, client_address: str, app_secret: str) -> str:
    """The name a client's Idempotency-Key is stored under: in its API key's own space, or for a sender without a
    key in its address's (keyed-hashed, so no address is stored). Another client reusing the same key text then
    makes a petition of its own: nobody else's key can return a petition or its secret to you, or block yours."""
    if api_key_id is not None:
        return f"api:{api_key_id}:{key}"
    sender = hmac.new(app_secret.encode(), client_address.encode(), hashlib.sha256).hexdigest()[:32]
    return f"api:anon:{sender}:{key}"


def receive(session, draft: PetitionDraft, actor=None, *, photos: Sequence[bytes] = (), storage=None,
            secret: str | None = None, code_prefix: str = "PA", remember: KeyToRemember | None = None,
            triage: bool = False) -> Receipt:
    """Validate and store a petition, with its "received" event (and the sender's idempotency key), for the
    intake worker; with `triage` it will wait for the coordinator instead of being assigned. The caller commits,
    then routes (`route_if_inline`); a key used before raises IntegrityError, after a rollback.

    `photos` (the files' bytes, at most media.MAX_PHOTOS) are all cleaned before anything is stored, so one
    unreadable file refuses the petition and keeps nothing; then they are kept in `storage` with the petition,
    in the same unit of work.

    Written as plain SQL rather than the ORM's unit of work: this is the path a flood takes, so it does the
    database's work and little else. On PostgreSQL it is one statement (one round trip); SQLite,
    which has no INSERT in a WITH clause, runs its parts in turn. The columns are the ones the ORM would write
    (tests/domain/test_intake.py checks them); the rollup listeners have nothing to miss, since a waiting
    petition counts nowhere yet.
    """
    step = "route" if clean_text(draft.category_code) else "classify"
    clean_fields(draft)
    images = cleaned_photos(photos)
    category_code = draft.category_code or DEFAULT_CATEGORY  # until the worker classifies it
    secret = secret or new_secret()
    values = received_values(draft, hash_secret(secret))
    # The search text is left to the worker (its update runs the model's listener): a waiting petition is found
    # by its code or phone number, which is how operators look up a caller.
    params = {**values, "category_code": category_code, "intake_step": step, "needs_triage": triage,
              "updated_at": values["created_at"], "code_prefix": code_prefix, "year": str(values["created_at"].year),
              "actor_id": getattr(actor, "id", None), "actor_label": describe_actor(actor),
              "note": received_note(draft.channel, draft.priority), "key": remember and remember.key,
              "request_hash": remember and remember.request_hash}
    connection = session.connection()
    try:
        petition_id, code = _store(connection, params, with_key=remember is not None)
    except IntegrityError:
        # The INSERT looks the category up itself; an unknown code leaves category_id NULL, which is refused.
        session.rollback()
        if session.execute(_CATEGORY_ID, {"category_code": category_code}).first() is None:
            raise UNKNOWN_CATEGORY from None
        raise
    receipt = Receipt(petition_id, code, secret)
    for image in images:
        media.attach_clean_photo(session, storage, receipt, image, actor)
    return receipt


def cleaned_photos(photos: Sequence[bytes]) -> list[media.CleanImage]:
    """Every photo a sender attached, re-encoded without metadata; ValidationFailed (field "photo") for too many
    or for one that is not a readable image, naming which when there are several."""
    if len(photos) > media.MAX_PHOTOS:
        raise ValidationFailed(f"Mỗi phản ánh có tối đa {media.MAX_PHOTOS} ảnh; bạn đã chọn {len(photos)} ảnh.",
                               f"A petition has at most {media.MAX_PHOTOS} photos; {len(photos)} were chosen.",
                               code="too_many_photos", field="photo")
    images = []
    for number, data in enumerate(photos, start=1):
        try:
            images.append(media.clean_image(data))
        except ValidationFailed as error:
            if len(photos) == 1:
                raise
            raise type(error)(f"Ảnh thứ {number}: {error.message_vi}", f"Photo {number}: {error.message_en}",
                              code=error.code, field="photo") from None
    return images


def received_values(draft: PetitionDraft, secret_hash: str) -> dict:
    """The columns of a received petition that come from its validated draft."""
    return dict(
        secret_hash=secret_hash, title=draft.title, content=draft.content, channel=draft.channel,
        province_code=draft.province_code or None, ward_code=draft.ward_code or None,
        address=draft.address, lat=draft.lat, lng=draft.lng, reporter_name=draft.reporter_name or None,
        reporter_phone=draft.reporter_phone or None, reporter_email=draft.reporter_email or None,
        consent_public=draft.consent_public, dialogue_session_id=draft.dialogue_session_id, created_at=utcnow(),
        status="received", priority=draft.priority,
    )


def received_note(channel: str, priority: str = "normal") -> str:
    """The note of a petition's first event: who marked it urgent at intake (the operator) is its actor."""
    return f"Tiếp nhận qua kênh {channel}." + (" Đánh dấu khẩn cấp." if priority == "urgent" else "")


CODE_DIGITS = 6  # at least; the seven-digit codes of a millionth petition are longer, never cut


def petition_code(prefix: str, year: int, petition_id: int) -> str:
    """PA-2026-000123: what citizens read back. `receive` makes it in SQL (_insert_petition), in the same
    statement as the petition; this is that format for code outside the road (bulk loads), tested equal."""
    return f"{prefix}-{year}-{petition_id:0{CODE_DIGITS}d}"


def _store(connection, params: dict, *, with_key: bool) -> tuple[int, str]:
    dialect = connection.dialect.name
    if dialect == "postgresql":
        return tuple(connection.execute(_receive_in_one(with_key), params).one())
    petition_id, code = connection.execute(_insert_petition(dialect), params).one()
    connection.execute(_INSERT_EVENT, {**params, "petition_id": petition_id})
    if with_key:
        connection.execute(_INSERT_KEY, {**params, "petition_id": petition_id, "response_json": receipt_json(code)})
    return petition_id, code


def receipt_json(code: str) -> str:
    """What an idempotency key remembers of the answer: the code (the secret is derived again, never stored)."""
    return json.dumps({"code": code})


_petition, _event, _key = Petition.__table__, PetitionEvent.__table__, IdempotencyKey.__table__
_CATEGORY_ID = select(Category.__table__.c.id).where(Category.__table__.c.code == bindparam("category_code"))
# The first event and the idempotency key, column by column, for both roads (SQLite's statements, PostgreSQL's WITH).
_RECEIVED_EVENT = {
    "kind": literal("transition"), "to_status": literal("received"), "public": literal(True),
    "at": bindparam("created_at", type_=_event.c.at.type), "actor_id": bindparam("actor_id", type_=Integer),
    "actor_label": bindparam("actor_label", type_=String), "note": bindparam("note", type_=String)}
_KEY = {"key": bindparam("key", type_=String), "request_hash": bindparam("request_hash", type_=String),
        "created_at": bindparam("created_at", type_=_key.c.created_at.type)}
_INSERT_EVENT = insert(_event).values(petition_id=bindparam("petition_id"), **_RECEIVED_EVENT)
_INSERT_KEY = insert(_key).values(petition_id=bindparam("petition_id"), response_json=bindparam("response_json"),
                                  **_KEY)
_RECEIVED_COLUMNS = (*received_values(PetitionDraft(content=""), "").keys(), "intake_step", "needs_triage",
                     "updated_at")
_FRESH = {"extension_used": False, "version": 1, "supporters": 0}  # a new petition, never changed


@lru_cache(maxsize=None)
def _insert_petition(dialect: str):
    """INSERT … SELECT that takes the next id and makes the code from it (PA-2026-000123, as petition_code does)
    in the same statement, so the code costs no second write, and looks up the category id by its code.
    PostgreSQL takes the id from the table's sequence; SQLite from max(id) + 1, which is what it would pick
    itself and is read under the INSERT's write lock."""
    if dialect == "postgresql":
        taken = select(func.nextval(func.pg_get_serial_sequence("petition", "id")).label("id")).subquery("taken")
        as_text = cast(taken.c.id, String)
        digits = func.lpad(as_text, func.greatest(CODE_DIGITS, func.length(as_text)), "0")
    else:
        taken = select((func.coalesce(func.max(_petition.c.id), 0) + 1).label("id")).subquery("taken")
        digits = func.printf(f"%0{CODE_DIGITS}d", taken.c.id)
    code = bindparam("code_prefix", type_=String) + "-" + bindparam("year", type_=String) + "-" + digits
    category_id = _CATEGORY_ID.scalar_subquery()
    values = [bindparam(name, type_=_petition.c[name].type) for name in _RECEIVED_COLUMNS]
    # The columns' Python defaults, spelled out: SQLAlchemy fills those in only for a top-level INSERT, not in a WITH.
    fresh = [literal(value, _petition.c[name].type) for name, value in _FRESH.items()]
    return (insert(_petition)
            .from_select(["id", "code", "category_id", *_RECEIVED_COLUMNS, *_FRESH],
                         select(taken.c.id, code, category_id, *values, *fresh))
            .returning(_petition.c.id, _petition.c.code))


@lru_cache(maxsize=None)
def _receive_in_one(with_key: bool):
    """PostgreSQL: the petition, its first event and the idempotency key in one statement (data-modifying WITH)."""
    received = _insert_petition("postgresql").cte("received")
    event = insert(_event).from_select(["petition_id", *_RECEIVED_EVENT],
                                       select(received.c.id, *_RECEIVED_EVENT.values())).cte("received_event")
    statement = select(received.c.id, received.c.code).add_cte(event)
    if with_key:
        response_json = cast(func.json_build_object("code", received.c.code), String)  # as receipt_json writes it
        key = insert(_key).from_select(["petition_id", "response_json", *_KEY],
                                       select(received.c.id, response_json, *_KEY.values())).cte("remembered_key")
        statement = statement.add_cte(key)
    return statement


def route_if_inline(session, receipts: Receipt | list[Receipt], routing: str) -> int:
    """After the commit that stored them: INTAKE_ROUTING "inline" (the default: `flask run`, tests, small sites)
    routes the petitions in the request that received them; "worker" leaves them to `flask intake work`.
    Returns how many were routed here."""
    if routing != "inline":
        return 0
    ids = [receipts.petition_id] if isinstance(receipts, Receipt) else [r.petition_id for r in receipts]
    return route_pending(session, limit=len(ids), ids=ids) if ids else 0


def route_pending(session, limit: int = BATCH, ids: list[int] | None = None) -> int:
    """Classify and route up to `limit` pending petitions, oldest first, and commit. Returns how many.

    On PostgreSQL the rows are claimed with SKIP LOCKED, so workers on several servers share the queue.
    The classifier runs before the first write, so SQLite's write lock is held only for the routing itself.
    """
    petitions = _claim(session, limit, ids)
    if not petitions:
        session.rollback()
        return 0
    return route_claimed(session, petitions)


def route_claimed(session, petitions: list[Petition]) -> int:
    """Route petitions this worker has read from the queue, each in a savepoint, and commit."""
    decided = {p.id: _category_decision(p) for p in petitions}
    _write_lock_first(session)
    categories = {c.code: c for c in session.query(Category).all()}
    overrides = calendar.load_overrides(session)
    for petition in petitions:
        if SLOW_ROUTING_FOR_TESTS:
            time.sleep(SLOW_ROUTING_FOR_TESTS)
        try:
            with session.begin_nested():
                _route(session, petition, decided[petition.id], categories, overrides)
        except StaleDataError:
            # Changed since we read it: another worker routed it (two servers on one SQLite file have no SKIP
            # LOCKED), or staff acted on it. Its version check kept both writes from landing; leave it be.
            log.info("petition %s changed while being routed; left as it is", petition.code)
        except (OperationalError, InterfaceError):
            raise  # the database's fault, not the petition's: the batch is undone and tried again
        except Exception:  # one bad petition must not hold up the queue: a person takes it
            log.exception("routing petition %s failed; sent to triage", petition.code)
            _to_triage(session, petition)
    session.commit()
    return len(petitions)


def _write_lock_first(session) -> None:
    """SQLite: a transaction that reads and then writes is refused at once ("database is locked", no waiting)
    when another connection committed in between, as requests accepting petitions do all the time. Taking the
    write lock before reading (BEGIN IMMEDIATE) makes the worker wait its turn instead, and read fresh rows:
    what it loaded while classifying is expired and read again."""
    if session.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL: the claimed rows are locked already (FOR UPDATE)
    session.rollback()
    connection = session.connection()
    if not connection.connection.driver_connection.in_transaction:
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _claim(session, limit: int, ids: list[int] | None) -> list[Petition]:
    query = session.query(Petition).filter(Petition.intake_step.isnot(None))
    if ids is not None:
        query = query.filter(Petition.id.in_(ids))
    query = query.order_by(Petition.id).limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True, of=Petition)
    return query.all()


def _category_decision(petition: Petition) -> tuple[str | None, float | None, bool, bool]:
    """(category code, or None to keep the sender's; classifier confidence; needs triage; urgent)."""
    if petition.intake_step != "classify":
        return None, None, False, False
    return category_for_intake(petition.content, "")


def _route(session, petition: Petition, decision, categories: dict, overrides) -> None:
    if petition.intake_step is None:  # another worker routed it since we claimed it (SQLite, read again)
        return
    if petition.status != "received":  # withdrawn, merged or rejected while it waited: nothing left to route
        petition.intake_step = None
        return
    code, confidence, unsure, urgent = decision
    if code is not None:
        petition.category = categories.get(code) or petition.category
        petition.classifier_confidence = confidence
    if urgent and petition.priority != "urgent":  # the classifier only ever adds urgency: removing it is a person's
        petition.priority = "urgent"                # call (routing.set_priority)
        record_event(session, petition, kind="priority", public=False,
                     note="Bộ phân loại đánh giá là khẩn cấp (nguy hiểm trước mắt); điều phối viên có thể bỏ đánh dấu.")
    petition.needs_triage = petition.needs_triage or unsure
    petition.intake_step = None
    with session.no_autoflush:
        # Announced here rather than in `receive`, the path a flood takes: in the worker's unit of work, once.
        outbox.announce(session, petition, "petition.received")
        route_new_petition(session, petition, overrides)


def _to_triage(session, petition: Petition) -> None:
    petition.intake_step = None
    petition.needs_triage = True
    record_event(session, petition, kind="note", public=False, note=ROUTING_FAILED_NOTE)


def pending_count(session) -> int:
    return session.query(Petition).filter(Petition.intake_step.isnot(None)).count()


def _waiting_for_a_lull(session, now: datetime | None = None) -> bool:
    """SQLite has one writer at a time. Routing holds the write lock for milliseconds per petition, and in a flood
    every request accepting a petition would queue behind it (SQLite's busy wait backs off up to 100 ms a try),
    so on SQLite the worker routes in the lulls: once no petition has come in for LULL, or once the oldest has
    waited MAX_ROUTING_DELAY. PostgreSQL locks rows, not the database: its workers never wait."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    newest = session.execute(_PENDING_CREATED.order_by(_petition.c.id.desc())).scalar()
    oldest = session.execute(_PENDING_CREATED.order_by(_petition.c.id)).scalar()
    session.rollback()  # end the read: a reader holds back SQLite's WAL checkpoints
    now = now or utcnow()
    return newest is not None and now - newest < LULL and now - oldest < MAX_ROUTING_DELAY


_PENDING_CREATED = select(_petition.c.created_at).where(_petition.c.intake_step.isnot(None)).limit(1)


def work(session, *, poll_seconds: float = 0.5, batch: int = BATCH, once: bool = False,
         should_stop=lambda: False, name: str | None = None) -> int:
    """The worker loop: drain the queue, then poll, beating its heartbeat (`name`) for /readyz. Returns how many
    petitions it routed. A database that restarts or cannot be reached is waited out, with back-off."""
    routed, backoff, last_beat = 0, RetryBackoff(), None
    while not should_stop():
        try:
            if name and (last_beat is None or utcnow() - last_beat >= HEARTBEAT_EVERY):
                last_beat = beat(session, name)
            if not once and _waiting_for_a_lull(session):
                time.sleep(poll_seconds)
                continue
            done = route_pending(session, batch)
        except (OperationalError, InterfaceError) as error:  # a restart, a lost connection, a lock held too long
            _discard(session)
            reason = str(error.orig or error).strip().splitlines()[0]
            if once:  # cron (`flask sweep`, `--once`): its next run tries again
                log.warning("intake worker: database unavailable (%s); stopping until the next run", reason)
                break
            wait = backoff.next()
            log.warning("intake worker: database unavailable (%s); trying again in %.0f s", reason, wait)
            time.sleep(wait)
            continue
        backoff.reset()
        routed += done
        if done:
            continue
        if once:
            break
        time.sleep(poll_seconds)
    return routed


class RetryBackoff:
    """Waits after consecutive database failures: 1, 2, 4 … seconds, at most `cap`."""

    def __init__(self, first: float = 1.0, cap: float = 30.0):
        self.first, self.cap, self.failures = first, cap, 0

    def next(self) -> float:
        self.failures += 1
        return min(self.cap, self.first * 2 ** (self.failures - 1))

    def reset(self) -> None:
        self.failures = 0


def _discard(session) -> None:
    """Forget the failed transaction; a connection that is gone is dropped from the pool with it."""
    try:
        session.rollback()
    except (OperationalError, InterfaceError):
        session.close()


HEARTBEAT_EVERY = timedelta(seconds=10)


def beat(session, name: str, now: datetime | None = None) -> datetime:
    """Record that the worker `name` is alive, in a short transaction of its own; returns the time written."""
    now = now or utcnow()
    heartbeat = WorkerHeartbeat.__table__
    if not session.execute(update(heartbeat).where(heartbeat.c.name == name).values(beat_at=now)).rowcount:
        session.execute(insert(heartbeat).values(name=name, beat_at=now))
    session.commit()
    return now


def latest_heartbeat(session) -> datetime | None:
    return session.execute(select(func.max(WorkerHeartbeat.__table__.c.beat_at))).scalar()


def oldest_waiting_since(session) -> datetime | None:
    """When the petition that has waited longest for the worker came in; None when none waits."""
    return session.execute(_PENDING_CREATED.order_by(_petition.c.id)).scalar()

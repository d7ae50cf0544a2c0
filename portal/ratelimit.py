"""A `limits` storage kept in the application's own database (RATELIMIT_STORAGE_URI = "database://").

Flask-Limiter's `memory://` counts per process, so with N gunicorn workers every limit was N times looser. This
store needs no extra service: the counters are rows of `rate_limit_counter`, written by one upsert each on the
application's engine (its own short transaction, never the request's), so every worker of a server sees the same
counts. Several servers share them too when they share the database; memcached remains available
(RATELIMIT_STORAGE_URI = "memcached://host:11211").
"""
import random
import time

from limits.storage import Storage
from sqlalchemy import case, delete, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from portal.models import RateLimitCounter

_counter = RateLimitCounter.__table__
# Expired rows are swept now and then by the writers themselves: no job to schedule.
SWEEP_ONE_IN = 200


def _engine():
    from portal.extensions import db

    return db.engine


class DatabaseStorage(Storage):
    """Fixed-window counters: (key, count, expires_at in epoch seconds)."""

    STORAGE_SCHEME = ["database"]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)

    @property
    def base_exceptions(self):
        return SQLAlchemyError

    def incr(self, key: str, expiry: float, amount: int = 1) -> int:
        """Count a hit atomically: a new or expired window starts at `amount`, a live one adds to it."""
        now = time.time()
        engine = _engine()
        insert = postgresql_insert if engine.dialect.name == "postgresql" else sqlite_insert
        expired = _counter.c.expires_at <= now
        statement = insert(_counter).values(key=key, count=amount, expires_at=now + expiry)
        statement = statement.on_conflict_do_update(index_elements=[_counter.c.key], set_={
            "count": case((expired, amount), else_=_counter.c.count + amount),
            "expires_at": case((expired, now + expiry), else_=_counter.c.expires_at),
        }).returning(_counter.c.count)
        with engine.begin() as connection:
            count = connection.execute(statement).scalar_one()
            if random.randrange(SWEEP_ONE_IN) == 0:
                connection.execute(delete(_counter).where(_counter.c.expires_at < now))
        return count

    def get(self, key: str) -> int:
        with _engine().connect() as connection:
            count = connection.execute(select(_counter.c.count).where(
                _counter.c.key == key, _counter.c.expires_at > time.time())).scalar()
        return count or 0

    def get_expiry(self, key: str) -> float:
        with _engine().connect() as connection:
            expires_at = connection.execute(select(_counter.c.expires_at).where(_counter.c.key == key)).scalar()
        return expires_at or time.time()

    def check(self) -> bool:
        try:
            with _engine().connect() as connection:
                connection.execute(select(1))
            return True
        except SQLAlchemyError:
            return False

    def reset(self) -> int | None:
        with _engine().begin() as connection:
            return connection.execute(delete(_counter)).rowcount

    def clear(self, key: str) -> None:
        with _engine().begin() as connection:
            connection.execute(delete(_counter).where(_counter.c.key == key))

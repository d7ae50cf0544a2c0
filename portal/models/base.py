"""Small shared pieces of the models."""
from datetime import datetime, timezone


def utcnow() -> datetime:
    """Naive UTC, the one form every timestamp column stores (SQLite has no time zones)."""
    return datetime.now(timezone.utc).replace(tzinfo=None)

"""Full-text search with the database's own index (FTS5 on SQLite, GIN on PostgreSQL), no LIKE scans.
Insensitive to case and diacritics: the query is folded the same way as the indexed text."""
import re

from sqlalchemy import func, text

from portal.models import Petition
from portal.models.petition import folded

_WORD = re.compile(r"\w+", re.UNICODE)


def query_words(query: str) -> list[str]:
    return _WORD.findall(folded(query))[:12]


def search_petitions(session, query: str, *, published_only: bool, agency_id: int | None = None, limit: int = 20,
                     offset: int = 0) -> list[Petition]:
    """Petitions matching every word of the query, newest first. The public searches only published,
    redacted text; staff search everything (an agency, with agency_id, only its own items)."""
    words = query_words(query)
    if not words:
        return []
    column = "search_public" if published_only else "search_staff"
    if session.get_bind().dialect.name == "sqlite":
        match = f"{column}: (" + " ".join(f'"{w}"*' for w in words) + ")"
        ids = text("SELECT rowid FROM petition_fts WHERE petition_fts MATCH :match")
        condition = Petition.id.in_(ids.bindparams(match=match))
    else:
        vector = func.to_tsvector("simple", func.coalesce(getattr(Petition, column), ""))
        condition = vector.op("@@")(func.to_tsquery("simple", " & ".join(f"{w}:*" for w in words)))
    petitions = session.query(Petition).filter(condition)
    if agency_id is not None:
        petitions = petitions.filter(Petition.agency_id == agency_id)
    return petitions.order_by(Petition.id.desc()).offset(offset).limit(limit).all()

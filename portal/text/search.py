"""Full-text search with the database's own index (FTS5 on SQLite, GIN on PostgreSQL), no LIKE scans.
Insensitive to case and diacritics: the query is folded the same way as the indexed text."""
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from markupsafe import Markup, escape
from sqlalchemy import func, text

from portal.models import Petition
from portal.models.petition import folded

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class PublicFilters:
    """What the public may narrow a search by; None means "any"."""

    category_id: int | None = None
    status: str | None = None  # "published" (answered) or "closed"
    province_code: str | None = None
    ward_code: str | None = None
    published_since: date | None = None  # a Vietnam date, compared with the day of publication

    def any(self) -> bool:
        return any(value is not None for value in (self.category_id, self.status, self.province_code,
                                                   self.ward_code, self.published_since))


def query_words(query: str) -> list[str]:
    return _WORD.findall(folded(query))[:12]


def search_petitions(session, query: str, *, published_only: bool, agency_id: int | None = None, limit: int = 20,
                     offset: int = 0, filters: PublicFilters | None = None) -> list[Petition]:
    """Petitions matching every word of the query, newest first. The public searches only published,
    redacted text (the index holds nothing else for it); staff search everything (an agency, with agency_id,
    only its own items). With filters and no words, the public browses its published answers."""
    words = query_words(query)
    filters = filters or PublicFilters()
    if not words and not (published_only and filters.any()):
        return []
    column = "search_public" if published_only else "search_staff"
    petitions = session.query(Petition)
    if words:
        petitions = petitions.filter(_match(session, column, words))
    elif published_only:
        petitions = petitions.filter(Petition.search_public.isnot(None))
    if agency_id is not None:
        petitions = petitions.filter(Petition.agency_id == agency_id)
    petitions = _narrow(petitions, filters)
    return petitions.order_by(Petition.id.desc()).offset(offset).limit(limit).all()


def _match(session, column: str, words: list[str]):
    if session.get_bind().dialect.name == "sqlite":
        match = f"{column}: (" + " ".join(f'"{w}"*' for w in words) + ")"
        ids = text("SELECT rowid FROM petition_fts WHERE petition_fts MATCH :match")
        return Petition.id.in_(ids.bindparams(match=match))
    vector = func.to_tsvector("simple", func.coalesce(getattr(Petition, column), ""))
    return vector.op("@@")(func.to_tsquery("simple", " & ".join(f"{w}:*" for w in words)))


def _narrow(petitions, filters: PublicFilters):
    if filters.category_id is not None:
        petitions = petitions.filter(Petition.category_id == filters.category_id)
    if filters.status is not None:
        petitions = petitions.filter(Petition.status == filters.status)
    if filters.province_code is not None:
        petitions = petitions.filter(Petition.province_code == filters.province_code)
    if filters.ward_code is not None:
        petitions = petitions.filter(Petition.ward_code == filters.ward_code)
    if filters.published_since is not None:
        # published_at is naive UTC: midnight in Vietnam is 17:00 UTC the day before.
        start = datetime.combine(filters.published_since, time()) - timedelta(hours=7)
        petitions = petitions.filter(Petition.published_at >= start)
    return petitions


def highlight(value: str | None, query: str) -> Markup:
    """The text, escaped, with each word that starts like a query word wrapped in <mark>. A query word typed
    without diacritics marks every spelling ("duong" marks "Đường"); one typed with them marks that spelling
    only ("đèn" marks "Đèn", not "đến"), as a reader would expect, though the search itself matched both."""
    value = value or ""
    typed = [word.lower() for word in _WORD.findall(unicodedata.normalize("NFC", query))][:12]
    # Folding letter by letter keeps positions: each letter folds to exactly one letter.
    shadow = "".join(_fold_letter(letter) for letter in value)
    pieces, last = [], 0
    for found in _WORD.finditer(shadow):
        start, end = found.span()
        if any(_starts_like(value[start:end].lower(), found.group(0), word) for word in typed):
            pieces += [escape(value[last:start]), Markup("<mark>"), escape(value[start:end]), Markup("</mark>")]
            last = end
    pieces.append(escape(value[last:]))
    return Markup("").join(pieces)


def _starts_like(word: str, folded_word: str, typed: str) -> bool:
    plain = folded(typed)
    return folded_word.startswith(plain) if plain == typed else word.startswith(typed)


def _fold_letter(letter: str) -> str:
    plain = folded(letter)
    return plain if len(plain) == 1 else letter


"""Similar open petitions: the same ward and overlapping words, found through the full-text index."""
from portal.domain.lifecycle import OPEN_STATUSES
from portal.models import Petition
from portal.text.search import query_words

# Words too common in petitions to tell two apart.
COMMON = {"de", "nghi", "co", "quan", "chuc", "nang", "xu", "ly", "phan", "anh", "nguoi", "dan", "tai", "cua",
          "va", "cac", "nhung", "duoc", "khong", "bi", "da", "la", "o", "tren", "trong", "mot", "nhieu", "ngay",
          "sau", "khi", "cho", "voi", "this", "toi", "gia", "dinh", "kinh", "gui", "mong", "som", "giai", "quyet"}


def distinctive_words(text: str, limit: int = 8) -> list[str]:
    words = [w for w in query_words(text[:2000]) if w not in COMMON and len(w) > 2 and not w.isdigit()]
    return list(dict.fromkeys(words))[:limit]


def similarity(a: str, b: str) -> float:
    """Share of distinctive words in common (Jaccard)."""
    left, right = set(distinctive_words(a, 40)), set(distinctive_words(b, 40))
    return len(left & right) / len(left | right) if left and right else 0.0


def similar_open_petitions(session, text: str, ward_code: str | None, limit: int = 5, exclude_id: int | None = None,
                           threshold: float = 0.2) -> list[tuple[Petition, float]]:
    """Open petitions of the same ward that share enough distinctive words, most similar first."""
    if not ward_code:
        return []
    candidates = (session.query(Petition)
                  .filter(Petition.ward_code == ward_code, Petition.status.in_(OPEN_STATUSES))
                  .order_by(Petition.id.desc()).limit(200).all())
    scored = [(p, similarity(text, p.content)) for p in candidates if p.id != exclude_id]
    return sorted((pair for pair in scored if pair[1] >= threshold), key=lambda pair: -pair[1])[:limit]

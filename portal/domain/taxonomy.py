"""Loading the default taxonomy (portal/data/taxonomy.json) into the database."""
import json
from functools import lru_cache
from pathlib import Path

from portal.models import Agency, Category

TAXONOMY_PATH = Path(__file__).resolve().parent.parent / "data" / "taxonomy.json"


def read_taxonomy(path: Path = TAXONOMY_PATH) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def taxonomy_rules() -> dict:
    return read_taxonomy()["rules"]


def load_taxonomy(session, path: Path = TAXONOMY_PATH) -> int:
    """Insert the agencies and categories that are missing; names already edited by an admin stay."""
    taxonomy = read_taxonomy(path)
    agencies = {a.code: a for a in session.query(Agency).all()}
    added = 0
    for item in taxonomy["agencies"]:
        if item["code"] not in agencies:
            agencies[item["code"]] = Agency(code=item["code"], name=item["name"], description=item.get("role", ""))
            session.add(agencies[item["code"]])
            added += 1
    known_categories = {code for (code,) in session.query(Category.code)}
    for item in taxonomy["categories"]:
        if item["code"] not in known_categories:
            session.add(Category(code=item["code"], name=item["name"], name_en=item.get("en", ""),
                                 covers=item.get("covers", ""), default_agency=agencies[item["agency"]],
                                 deadline_days=item["deadline_days"]))
            added += 1
    session.flush()
    return added


def english_agency_name(code: str, name: str) -> str | None:
    """The agency's English name from the taxonomy, while its Vietnamese name is still the taxonomy's own
    (an administrator's renamed agency has no English name we could vouch for)."""
    item = _taxonomy_agencies().get(code)
    return item.get("en") if item and item["name"] == name else None


@lru_cache(maxsize=1)
def _taxonomy_agencies() -> dict:
    return {item["code"]: item for item in read_taxonomy()["agencies"]}


def english_agency_by_name(name: str) -> str | None:
    """The English name of the taxonomy agency called `name` in Vietnamese (notes carry names, not codes)."""
    return next((item.get("en") for item in _taxonomy_agencies().values() if item["name"] == name), None)

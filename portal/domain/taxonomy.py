"""Loading the default taxonomy (portal/data/taxonomy.json) into the database."""
import json
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

"""What a fresh or upgraded database needs before it serves (`flask bootstrap`, run by `make run` after migrating):
the taxonomy always; the rollups when an older database has petitions but none; demo data only when asked and only
into an empty database."""
from dataclasses import dataclass

from portal.models import DailyAgencyFigure, Petition, User


@dataclass(frozen=True)
class DemoData:
    accounts: list[tuple[str, str, str]]  # (e-mail, role, generated password), shown once
    petitions: int


@dataclass(frozen=True)
class BootstrapReport:
    taxonomy_added: int
    rollups_rebuilt_from: int | None  # petitions read, when the rollups had to be rebuilt
    demo: DemoData | None
    demo_refused: str | None  # "has_data" or "not_wanted" when no demo data was loaded


def bootstrap(session, demo_wanted: bool) -> BootstrapReport:
    """Taxonomy, rollups of a database from before they existed, and demo data into an empty database if wanted.
    The caller commits."""
    from portal.domain.rollups import rebuild
    from portal.domain.taxonomy import load_taxonomy

    added = load_taxonomy(session)
    has_petitions = session.query(Petition.id).first() is not None
    rebuilt = rebuild(session) if has_petitions and session.query(DailyAgencyFigure.day).first() is None else None
    demo = refused = None
    if has_petitions or session.query(User.id).first() is not None:
        refused = "has_data"
    elif not demo_wanted:
        refused = "not_wanted"
    else:
        demo = seed_demo(session)
    return BootstrapReport(taxonomy_added=added, rollups_rebuilt_from=rebuilt, demo=demo, demo_refused=refused)


def seed_demo(session) -> DemoData:
    """One account per role (passwords generated) and a month of petitions in every state, made by the workflow's
    own functions (portal/demo.py). The caller commits."""
    from portal.demo import create_demo_petitions, create_demo_users
    from portal.domain.taxonomy import load_taxonomy

    load_taxonomy(session)
    accounts = create_demo_users(session)
    return DemoData(accounts=accounts, petitions=create_demo_petitions(session))

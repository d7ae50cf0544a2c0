"""The migrations build exactly the schema the models describe, on SQLite and on PostgreSQL."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext


def not_search_machinery(obj, name, type_, reflected, compare_to):
    # Migration 0002's full-text search (FTS5 tables on SQLite, expression GIN indexes on PostgreSQL) has no model.
    return not (name or "").startswith(("petition_fts", "ix_petition_search_"))


def test_migrations_match_the_models(db):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": not_search_machinery,
                                                               "compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_0008_to_0010_fill_their_rollups_from_what_the_database_already_holds(db):
    from flask_migrate import downgrade, upgrade

    from portal.domain.overdue import apology_letter as render_apology_letter
    from bench.synthetic import seed_synthetic
    from portal.models import CohortAnswer, DailyResponsibility, MonthlyAgencyFigure

    seed_synthetic(db.session, 400, seed=3, render_apology=render_apology_letter)
    months, responsibility = _rows(db, MonthlyAgencyFigure), _rows(db, DailyResponsibility)
    cohorts = _rows(db, CohortAnswer)
    db.session.remove()
    downgrade(revision="0007")
    upgrade()
    assert _rows(db, MonthlyAgencyFigure) == months
    assert _rows(db, DailyResponsibility) == responsibility
    assert _rows(db, CohortAnswer) == cohorts and len(cohorts) > 12
    assert len(months) > 12 and sum(row.received for row in months) == 400
    assert sum(row.transfers for row in responsibility) > 0 and sum(row.apologies for row in responsibility) > 0


def _rows(db, model):
    return sorted(db.session.query(*model.__table__.columns).all())

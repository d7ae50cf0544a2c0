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

"""full-text search: FTS5 on SQLite, GIN indexes on PostgreSQL

Both index the folded text (lower case, no diacritics, đ → d) that the Petition model keeps in
search_staff and search_public, so "duong ngap" finds "Đường ngập" on either database.

Revision ID: 0002
Revises: 0001
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SQLITE_UP = [
    """CREATE VIRTUAL TABLE petition_fts USING fts5(
           search_staff, search_public, content='petition', content_rowid='id', tokenize='unicode61')""",
    """CREATE TRIGGER petition_fts_insert AFTER INSERT ON petition BEGIN
           INSERT INTO petition_fts(rowid, search_staff, search_public)
           VALUES (new.id, new.search_staff, new.search_public); END""",
    """CREATE TRIGGER petition_fts_delete AFTER DELETE ON petition BEGIN
           INSERT INTO petition_fts(petition_fts, rowid, search_staff, search_public)
           VALUES ('delete', old.id, old.search_staff, old.search_public); END""",
    """CREATE TRIGGER petition_fts_update AFTER UPDATE ON petition BEGIN
           INSERT INTO petition_fts(petition_fts, rowid, search_staff, search_public)
           VALUES ('delete', old.id, old.search_staff, old.search_public);
           INSERT INTO petition_fts(rowid, search_staff, search_public)
           VALUES (new.id, new.search_staff, new.search_public); END""",
    "INSERT INTO petition_fts(petition_fts) VALUES ('rebuild')",
]
SQLITE_DOWN = ["DROP TRIGGER petition_fts_update", "DROP TRIGGER petition_fts_delete",
               "DROP TRIGGER petition_fts_insert", "DROP TABLE petition_fts"]
POSTGRES_UP = [
    "CREATE INDEX ix_petition_search_staff ON petition USING gin (to_tsvector('simple', coalesce(search_staff, '')))",
    "CREATE INDEX ix_petition_search_public ON petition USING gin (to_tsvector('simple', coalesce(search_public, '')))",
]
POSTGRES_DOWN = ["DROP INDEX ix_petition_search_public", "DROP INDEX ix_petition_search_staff"]


def _run(statements):
    for statement in statements:
        op.execute(statement)


def upgrade():
    _run(SQLITE_UP if op.get_bind().dialect.name == "sqlite" else POSTGRES_UP)


def downgrade():
    _run(SQLITE_DOWN if op.get_bind().dialect.name == "sqlite" else POSTGRES_DOWN)

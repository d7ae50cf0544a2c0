"""SQLite: re-index a petition's search text only when that text changes

The update trigger of 0002 fired on every UPDATE of a petition (a status change, the code set at intake, a
version bump) and deleted and re-inserted its full-text entry each time. Fired only by UPDATE OF the search
columns, it does that work when there is something to re-index. PostgreSQL's GIN indexes need nothing.

Revision ID: 0007
Revises: 0006
"""
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

BODY = """BEGIN
           INSERT INTO petition_fts(petition_fts, rowid, search_staff, search_public)
           VALUES ('delete', old.id, old.search_staff, old.search_public);
           INSERT INTO petition_fts(rowid, search_staff, search_public)
           VALUES (new.id, new.search_staff, new.search_public); END"""


def _replace_trigger(event: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TRIGGER petition_fts_update")
    op.execute(f"CREATE TRIGGER petition_fts_update AFTER {event} ON petition {BODY}")


def upgrade():
    _replace_trigger("UPDATE OF search_staff, search_public")


def downgrade():
    _replace_trigger("UPDATE")

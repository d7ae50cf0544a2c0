"""retention and erasure of contact details (issue 14, retention)

Revision ID: 0012
Revises: 0011
"""
import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

# The retention sweep looks for finished petitions whose contact details are still kept: only those rows are indexed,
# so the index stays the size of the last retention period however many petitions the archive holds.
KEPT = "contact_erased_at IS NULL"


def upgrade():
    with op.batch_alter_table("petition") as batch:
        batch.add_column(sa.Column("contact_erased_at", sa.DateTime(), nullable=True))
    for name, moment in (("ix_petition_contact_kept_closed", "closed_at"),
                         ("ix_petition_contact_kept_published", "published_at")):
        op.create_index(name, "petition", ["status", moment], sqlite_where=sa.text(KEPT),
                        postgresql_where=sa.text(KEPT))


def downgrade():
    op.drop_index("ix_petition_contact_kept_published", table_name="petition")
    op.drop_index("ix_petition_contact_kept_closed", table_name="petition")
    # A plain DROP COLUMN (SQLite 3.35+ and PostgreSQL): a batch copy of the table would have to drop the old
    # petition table, which the foreign keys of the other tables' rows forbid once the database holds data.
    op.execute("ALTER TABLE petition DROP COLUMN contact_erased_at")

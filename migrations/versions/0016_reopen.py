"""reopen (issue 19.1): reopenings per day and agency, kept with the other responsibility counts, and an index for
counting them in a period under a category or channel filter

No petition was reopened before this revision (the status did not exist), so the new counter starts at zero.

Revision ID: 0016
Revises: 0015
"""
import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("daily_responsibility") as batch:
        batch.add_column(sa.Column("reopened", sa.Integer(), nullable=False, server_default="0"))
    op.create_index("ix_petition_event_to_status_at", "petition_event", ["to_status", "at"])


def downgrade():
    op.drop_index("ix_petition_event_to_status_at", table_name="petition_event")
    with op.batch_alter_table("daily_responsibility") as batch:
        batch.drop_column("reopened")

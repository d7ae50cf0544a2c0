"""the intake worker's heartbeat, read by /readyz (issue 22)

The worker's claim on the petitions it routes needs no lease column: it holds them inside its routing transaction
(FOR UPDATE SKIP LOCKED on PostgreSQL, the write lock on SQLite), so a killed worker's claim ends with its
connection (tests/system/test_worker_lease.py).

Revision ID: 0022
Revises: 0021
"""
import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "worker_heartbeat",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("beat_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_worker_heartbeat"),
    )


def downgrade():
    op.drop_table("worker_heartbeat")

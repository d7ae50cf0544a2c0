"""reminders e-mailed to a leader's secretariat when an obligation is still unmet a week before its period ends
(issue 21): one row per office, kind and period, so the sweep sends each once

Revision ID: 0023
Revises: 0022
"""
import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "leader_reminder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("required", sa.Integer(), nullable=False),
        sa.Column("held", sa.Integer(), nullable=False),
        sa.Column("email", sa.String(length=255), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["leader_office.id"],
                                name="fk_leader_reminder_office_id_leader_office"),
        sa.PrimaryKeyConstraint("id", name="pk_leader_reminder"),
        sa.UniqueConstraint("office_id", "kind", "period", "period_start", name="uq_leader_reminder_office_id"),
    )


def downgrade():
    op.drop_table("leader_reminder")

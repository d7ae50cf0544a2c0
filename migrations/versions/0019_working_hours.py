"""working hours (issue 20.1-2): priority, answer deadline as a moment (due_at), acknowledgement deadline and
its lateness, counted per day and agency with the other responsibility counts

Existing petitions are normal; their due_at is the end of the working day of their due_date (17:00 Vietnam time,
10:00 UTC, the default working hours). They were assigned before acknowledgement deadlines existed: those stay
empty rather than be invented, so no old petition is counted late.

Revision ID: 0019
Revises: 0018
"""
import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

# 17:00 in Vietnam (UTC+7), the end of the default working day, is 10:00 UTC.
END_OF_WORKING_DAY_UTC_HOURS = 10


def upgrade():
    with op.batch_alter_table("petition") as batch:
        batch.add_column(sa.Column("priority", sa.String(length=8), nullable=False, server_default="normal"))
        batch.add_column(sa.Column("due_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("ack_due_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("acknowledged_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("ack_late_marked_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("urgent_warned_at", sa.DateTime(), nullable=True))
    with op.batch_alter_table("daily_responsibility") as batch:
        batch.add_column(sa.Column("late_acknowledgements", sa.Integer(), nullable=False, server_default="0"))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"UPDATE petition SET due_at = due_date + INTERVAL '{END_OF_WORKING_DAY_UTC_HOURS} hours' "
                   "WHERE due_date IS NOT NULL")
    else:
        op.execute(f"UPDATE petition SET due_at = datetime(due_date, '+{END_OF_WORKING_DAY_UTC_HOURS} hours') "
                   "WHERE due_date IS NOT NULL")


def downgrade():
    with op.batch_alter_table("daily_responsibility") as batch:
        batch.drop_column("late_acknowledgements")
    # A plain DROP COLUMN (SQLite 3.35+ and PostgreSQL), as 0012 does: a batch copy of the petition table would have
    # to drop it, which the other tables' foreign keys forbid once the database holds data.
    for column in ("urgent_warned_at", "ack_late_marked_at", "acknowledged_at", "ack_due_at", "due_at", "priority"):
        op.execute(f"ALTER TABLE petition DROP COLUMN {column}")

"""returns, transfers, extensions and apology letters per day and agency, kept like the other rollups

The committee's dashboard counted them from the event log and the letters on every view: a scan that grows with
the archive. The table is filled here from both (Vietnam's day is UTC+7, without daylight saving since 1976), and
from then on kept by the rollup listeners (portal/domain/rollups.py).

Revision ID: 0009
Revises: 0008
"""
import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

STEPS = {"returned": "returns", "transferred": "transfers", "extended": "extensions"}
COUNTERS = (*STEPS.values(), "apologies")


def upgrade():
    op.create_table(
        "daily_responsibility",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False, server_default="0") for name in COUNTERS),
        sa.PrimaryKeyConstraint("day", "agency_id", name=op.f("pk_daily_responsibility")),
    )
    day = ("CAST({} + interval '7 hours' AS DATE)" if op.get_bind().dialect.name == "postgresql"
           else "date({}, '+7 hours')")
    per_step = ", ".join(f"CASE WHEN to_status = '{step}' THEN 1 ELSE 0 END AS {column}"
                         for step, column in STEPS.items())
    op.execute(
        f"INSERT INTO daily_responsibility (day, agency_id, {', '.join(COUNTERS)}) "
        f"SELECT day, agency_id, {', '.join(f'sum({c})' for c in COUNTERS)} FROM ("
        f"SELECT {day.format('at')} AS day, coalesce(agency_id, 0) AS agency_id, {per_step}, 0 AS apologies "
        f"FROM petition_event "
        f"WHERE kind = 'transition' AND to_status IN ({', '.join(repr(s) for s in STEPS)}) "
        f"UNION ALL SELECT {day.format('issued_at')}, coalesce(agency_id, 0), 0, 0, 0, 1 FROM apology"
        f") AS steps GROUP BY day, agency_id")


def downgrade():
    op.drop_table("daily_responsibility")

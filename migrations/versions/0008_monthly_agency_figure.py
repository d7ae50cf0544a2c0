"""monthly figures per agency only, for the unfiltered 12-month trend

The trend summed monthly_figure, whose rows per month grow with the archive until every agency × category ×
channel exists (3.45 times slower at a million petitions than at ten thousand, on PostgreSQL). This table holds the
same counters per month and agency: a dozen rows a month at any size. It is filled here from monthly_figure, which
holds the same sums finer; from then on the rollup listeners keep it (portal/domain/rollups.py).

Revision ID: 0008
Revises: 0007
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

COUNTERS = ("received", "received_answered", "answered", "on_time", "handling_count", "handling_sum",
            "overdue_start", "overdue_stop")


def upgrade():
    op.create_table(
        "monthly_agency_figure",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False, server_default="0") for name in COUNTERS),
        sa.PrimaryKeyConstraint("month", "agency_id", name=op.f("pk_monthly_agency_figure")),
    )
    columns = ", ".join(COUNTERS)
    op.execute(f"INSERT INTO monthly_agency_figure (month, agency_id, {columns}) "
               f"SELECT month, agency_id, {', '.join(f'sum({c})' for c in COUNTERS)} "
               f"FROM monthly_figure GROUP BY month, agency_id")


def downgrade():
    op.drop_table("monthly_agency_figure")

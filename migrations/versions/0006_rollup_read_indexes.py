"""indexes the metrics read their rollups from, so a year costs the same at a million petitions as at ten thousand

Revision ID: 0006
Revises: 0005
"""
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_monthly_figure_sums": ("monthly_figure", ["month", "agency_id", "category_id", "channel", "received",
                                                  "received_answered", "answered", "on_time", "overdue_start",
                                                  "overdue_stop"]),
    "ix_daily_handling_bins": ("daily_handling", ["agency_id", "handling_days", "day", "answers"]),
    "ix_monthly_handling_channel_bins": ("monthly_handling",
                                         ["channel", "agency_id", "handling_days", "month", "answers"]),
    "ix_monthly_handling_category_bins": ("monthly_handling",
                                          ["category_id", "agency_id", "handling_days", "month", "answers"]),
}


def upgrade():
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade():
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table_name=table)

"""daily metric rollups, kept in step with every petition and rating change

Existing databases get them filled by `flask bootstrap` (or `flask metrics rebuild`), which recompute them
from the archive with the same code that maintains them.

Revision ID: 0003
Revises: 0002
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def counters(*names):
    return [sa.Column(name, sa.Integer(), nullable=False, server_default="0") for name in names]


def upgrade():
    op.create_table(
        "daily_figure",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        *counters("received", "received_answered", "answered", "on_time", "handling_count", "handling_sum",
                  "overdue_start", "overdue_stop"),
        sa.PrimaryKeyConstraint("day", "agency_id", "category_id", "channel", name=op.f("pk_daily_figure")),
    )
    op.create_table(
        "monthly_figure",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        *counters("received", "received_answered", "answered", "on_time", "handling_count", "handling_sum",
                  "overdue_start", "overdue_stop"),
        sa.PrimaryKeyConstraint("month", "agency_id", "category_id", "channel", name=op.f("pk_monthly_figure")),
    )
    op.create_table(
        "daily_agency_figure",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        *counters("received", "received_answered", "answered", "on_time", "handling_count", "handling_sum",
                  "overdue_start", "overdue_stop"),
        sa.PrimaryKeyConstraint("day", "agency_id", name=op.f("pk_daily_agency_figure")),
    )
    op.create_table(
        "daily_handling",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("handling_days", sa.Integer(), nullable=False),
        *counters("answers"),
        sa.PrimaryKeyConstraint("day", "agency_id", "handling_days", name=op.f("pk_daily_handling")),
    )
    op.create_table(
        "monthly_handling",
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=False),
        sa.Column("handling_days", sa.Integer(), nullable=False),
        *counters("answers"),
        sa.PrimaryKeyConstraint("month", "agency_id", "category_id", "channel", "handling_days",
                                name=op.f("pk_monthly_handling")),
    )
    op.create_table(
        "daily_rating",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        *counters("ratings", "access", "procedure", "staff", "result", "feedback"),
        sa.PrimaryKeyConstraint("day", "agency_id", name=op.f("pk_daily_rating")),
    )


    op.create_index("ix_petition_channel_handling", "petition", ["channel", "published_at", "agency_id", "handling_days"])
    op.create_index("ix_petition_category_handling", "petition",
                    ["category_id", "published_at", "agency_id", "handling_days"])


def downgrade():
    op.drop_index("ix_petition_category_handling", table_name="petition")
    op.drop_index("ix_petition_channel_handling", table_name="petition")
    op.drop_table("daily_rating")
    op.drop_table("monthly_handling")
    op.drop_table("daily_handling")
    op.drop_table("daily_agency_figure")
    op.drop_table("monthly_figure")
    op.drop_table("daily_figure")

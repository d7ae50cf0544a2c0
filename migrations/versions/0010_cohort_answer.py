"""answers per day of receipt, agency and month of publication, for response rates of past periods

A response rate counts the items received in a period and answered by its end. The metrics took away the answers
published after the period by reading those petitions: none for a period ending today, but a month of them for last
month's ranking. This table sums them by month of publication. It is filled here from the petitions (Vietnam's day
is UTC+7, without daylight saving since 1976) and from then on kept by the rollup listeners.

Revision ID: 0010
Revises: 0009
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "cohort_answer",
        sa.Column("received_day", sa.Date(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("published_month", sa.Date(), nullable=False),
        sa.Column("answers", sa.Integer(), nullable=False, server_default="0"),
        sa.PrimaryKeyConstraint("received_day", "agency_id", "published_month", name=op.f("pk_cohort_answer")),
    )
    if op.get_bind().dialect.name == "postgresql":
        received, month = ("CAST(created_at + interval '7 hours' AS DATE)",
                           "CAST(date_trunc('month', published_at + interval '7 hours') AS DATE)")
    else:
        received, month = "date(created_at, '+7 hours')", "date(published_at, '+7 hours', 'start of month')"
    op.execute(f"INSERT INTO cohort_answer (received_day, agency_id, published_month, answers) "
               f"SELECT {received}, coalesce(agency_id, 0), {month}, count(*) FROM petition "
               f"WHERE published_at IS NOT NULL AND intake_step IS NULL GROUP BY 1, 2, 3")


def downgrade():
    op.drop_table("cohort_answer")

"""answer templates kept by agency heads, reasoned rejections (and heads' proposals of them), and the rejection
counters of the rollups (issue 20, items 3 and 4)

No page or API could reject before this revision, but imports and synthetic archives may hold rejected petitions:
the new counters are filled from what the database holds (Vietnam's day is UTC+7, as in 0009), and from then on kept
by the rollup listeners (portal/domain/rollups.py).

Revision ID: 0020
Revises: 0019
"""
import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

FIGURE_TABLES = ("daily_figure", "monthly_figure", "daily_agency_figure", "monthly_agency_figure")
# Each figure table's key, as expressions on the petition ({day} and {month} are its local day and month).
FIGURE_KEYS = {
    "daily_figure": {"day": "{day}", "agency_id": "coalesce(agency_id, 0)", "category_id": "coalesce(category_id, 0)",
                     "channel": "channel"},
    "monthly_figure": {"month": "{month}", "agency_id": "coalesce(agency_id, 0)",
                       "category_id": "coalesce(category_id, 0)", "channel": "channel"},
    "daily_agency_figure": {"day": "{day}", "agency_id": "coalesce(agency_id, 0)"},
    "monthly_agency_figure": {"month": "{month}", "agency_id": "coalesce(agency_id, 0)"},
}


def upgrade():
    op.create_table(
        "answer_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("category_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=120), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"], name="fk_answer_template_agency_id_agency"),
        sa.ForeignKeyConstraint(["category_id"], ["category.id"], name="fk_answer_template_category_id_category"),
        sa.ForeignKeyConstraint(["updated_by_id"], ["user.id"], name="fk_answer_template_updated_by_id_user"),
        sa.PrimaryKeyConstraint("id", name="pk_answer_template"),
    )
    op.create_index("ix_answer_template_agency_kind", "answer_template", ["agency_id", "kind"])
    op.create_table(
        "petition_rejection",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_label", sa.String(length=255), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["petition_id"], ["petition.id"], name="fk_petition_rejection_petition_id_petition"),
        sa.ForeignKeyConstraint(["agency_id"], ["agency.id"], name="fk_petition_rejection_agency_id_agency"),
        sa.ForeignKeyConstraint(["actor_id"], ["user.id"], name="fk_petition_rejection_actor_id_user"),
        sa.PrimaryKeyConstraint("id", name="pk_petition_rejection"),
    )
    op.create_index("ix_petition_rejection_petition_id", "petition_rejection", ["petition_id"])
    op.create_index("ix_petition_rejection_kind_at", "petition_rejection", ["kind", "at"])
    for table in FIGURE_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("received_rejected", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("daily_responsibility") as batch:
        batch.add_column(sa.Column("rejected", sa.Integer(), nullable=False, server_default="0"))
    fill_counters()


def fill_counters():
    """The rejections already in the archive: received_rejected by the day of receipt (rollups.petition_items),
    rejected by the day of the step (rollups.event_contribution)."""
    if op.get_bind().dialect.name == "postgresql":
        day, month = "CAST({} + interval '7 hours' AS DATE)", "CAST(date_trunc('month', {} + interval '7 hours') AS DATE)"
    else:
        day, month = "date({}, '+7 hours')", "date({}, '+7 hours', 'start of month')"
    for table, keys in FIGURE_KEYS.items():
        expressions = [e.format(day=day.format("created_at"), month=month.format("created_at")) for e in keys.values()]
        op.execute(
            f"INSERT INTO {table} ({', '.join(keys)}, received_rejected) "
            f"SELECT {', '.join(expressions)}, count(*) FROM petition "
            f"WHERE status = 'rejected' AND intake_step IS NULL AND created_at IS NOT NULL "
            f"GROUP BY {', '.join(expressions)} "
            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET received_rejected = excluded.received_rejected")
    op.execute(
        f"INSERT INTO daily_responsibility (day, agency_id, rejected) "
        f"SELECT {day.format('at')}, coalesce(agency_id, 0), count(*) FROM petition_event "
        f"WHERE kind = 'transition' AND to_status = 'rejected' "
        f"GROUP BY {day.format('at')}, coalesce(agency_id, 0) "
        f"ON CONFLICT (day, agency_id) DO UPDATE SET rejected = excluded.rejected")


def downgrade():
    with op.batch_alter_table("daily_responsibility") as batch:
        batch.drop_column("rejected")
    for table in FIGURE_TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("received_rejected")
    op.drop_index("ix_petition_rejection_kind_at", table_name="petition_rejection")
    op.drop_index("ix_petition_rejection_petition_id", table_name="petition_rejection")
    op.drop_table("petition_rejection")
    op.drop_index("ix_answer_template_agency_kind", table_name="answer_template")
    op.drop_table("answer_template")

"""leaders' offices, their holders and obligations; planned dialogue sessions and reception days, the leader's
instruction on a petition received at one (issue 21)

Revision ID: 0021
Revises: 0020
"""
import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "leader_office",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=255), nullable=False),
        sa.Column("level", sa.String(length=16), nullable=False),
        sa.Column("place_code", sa.String(length=16), nullable=False),
        sa.Column("secretariat_email", sa.String(length=255), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_leader_office"),
    )
    op.create_table(
        "office_holder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(["office_id"], ["leader_office.id"], name="fk_office_holder_office_id_leader_office"),
        sa.PrimaryKeyConstraint("id", name="pk_office_holder"),
    )
    op.create_index("ix_office_holder_office_id", "office_holder", ["office_id"])
    op.create_table(
        "obligation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("office_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(["office_id"], ["leader_office.id"], name="fk_obligation_office_id_leader_office"),
        sa.PrimaryKeyConstraint("id", name="pk_obligation"),
        sa.UniqueConstraint("office_id", "kind", "period", name="uq_obligation_office_id"),
    )
    op.add_column("dialogue_session", sa.Column("kind", sa.String(length=16), nullable=False,
                                                server_default="dialogue"))
    op.add_column("dialogue_session", sa.Column("target_group", sa.String(length=64), nullable=False,
                                                server_default=""))
    # A plain ADD COLUMN with its foreign key: a batch copy of dialogue_session on SQLite would have to drop the
    # table, which the petitions referring to it forbid once the database holds data.
    if op.get_bind().dialect.name == "sqlite":
        op.execute("ALTER TABLE dialogue_session ADD COLUMN office_id INTEGER "
                   "CONSTRAINT fk_dialogue_session_office_id_leader_office REFERENCES leader_office (id)")
    else:
        op.add_column("dialogue_session", sa.Column("office_id", sa.Integer(), nullable=True))
        op.create_foreign_key("fk_dialogue_session_office_id_leader_office", "dialogue_session", "leader_office",
                              ["office_id"], ["id"])
    op.create_index("ix_dialogue_session_office_id", "dialogue_session", ["office_id"])
    op.add_column("petition", sa.Column("leader_instruction", sa.Text(), nullable=True))

def downgrade():
    op.execute("ALTER TABLE petition DROP COLUMN leader_instruction")
    op.drop_index("ix_dialogue_session_office_id", table_name="dialogue_session")
    if op.get_bind().dialect.name != "sqlite":
        op.drop_constraint("fk_dialogue_session_office_id_leader_office", "dialogue_session", type_="foreignkey")
    # Plain DROP COLUMN (SQLite 3.35+ and PostgreSQL), as 0017 does; SQLite drops the column's own REFERENCES.
    for column in ("office_id", "target_group", "kind"):
        op.execute(f"ALTER TABLE dialogue_session DROP COLUMN {column}")
    op.drop_table("obligation")
    op.drop_index("ix_office_holder_office_id", table_name="office_holder")
    op.drop_table("office_holder")
    op.drop_table("leader_office")

"""photos of petitions and the public map (issue 18)

Revision ID: 0014
Revises: 0013
"""
import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

# As in portal/models/petition.py, written out: a migration must not change when the models do.
MAPPED = "published_at IS NOT NULL AND lat IS NOT NULL"
MAP_INDEXES = {
    "ix_petition_public_map_time": ["published_at", "id", "lat", "lng", "status", "consent_public", "category_id",
                                    "agency_id"],
    "ix_petition_public_map_place": ["lat", "lng", "published_at", "status", "consent_public", "category_id",
                                     "agency_id"],
}


def upgrade():
    op.create_table(
        "petition_photo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("petition_id", sa.Integer(), nullable=False),
        sa.Column("storage_key", sa.String(length=200), nullable=False),
        sa.Column("thumbnail_key", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=32), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("byte_size", sa.Integer(), nullable=False),
        sa.Column("published", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("uploaded_by_id", sa.Integer(), nullable=True),
        sa.Column("uploaded_by_label", sa.String(length=255), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["petition_id"], ["petition.id"], name=op.f("fk_petition_photo_petition_id_petition")),
        sa.ForeignKeyConstraint(["uploaded_by_id"], ["user.id"], name=op.f("fk_petition_photo_uploaded_by_id_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_petition_photo")),
        sa.UniqueConstraint("storage_key", name=op.f("uq_petition_photo_storage_key")),
    )
    op.create_index(op.f("ix_petition_photo_petition_id"), "petition_photo", ["petition_id"])
    # Only published petitions with a place are indexed: the map reads nothing else.
    for name, columns in MAP_INDEXES.items():
        op.create_index(name, "petition", columns, sqlite_where=sa.text(MAPPED), postgresql_where=sa.text(MAPPED))


def downgrade():
    for name in MAP_INDEXES:
        op.drop_index(name, table_name="petition")
    op.drop_index(op.f("ix_petition_photo_petition_id"), table_name="petition_photo")
    op.drop_table("petition_photo")

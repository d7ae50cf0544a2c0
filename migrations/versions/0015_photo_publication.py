"""photos published by an agency head: the public rendition (blurred where the head chose) and who published it
(issue 18)

Revision ID: 0015
Revises: 0014
"""
import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade():
    # No table points at petition_photo, so SQLite may rebuild it to add the foreign key.
    with op.batch_alter_table("petition_photo") as batch:
        batch.add_column(sa.Column("public_key", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("public_thumbnail_key", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("blurred_regions", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("published_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("published_by_id", sa.Integer(),
                                   sa.ForeignKey("user.id", name="fk_petition_photo_published_by_id_user"),
                                   nullable=True))


def downgrade():
    with op.batch_alter_table("petition_photo") as batch:
        for column in ("published_by_id", "published_at", "blurred_regions", "public_thumbnail_key", "public_key"):
            batch.drop_column(column)

"""public changes

The log re-users mirror the catalogue by (`catalogue.changes`, `/api/v1/changes`): one row per
offer, when it last changed in a way a re-user sees. Every offer already stored gets a row at
its `last_changed`, so a first mirror from the start reads the whole catalogue.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08 00:40:00
"""

import sqlalchemy as sa
import sqlmodel
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "publicchange",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("offer_id", sa.Integer(), nullable=False),
        sa.Column("changed_at", sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index(op.f("ix_publicchange_offer_id"), "publicchange", ["offer_id"], unique=False)
    op.create_index(
        "ix_publicchange_changed_at_id", "publicchange", ["changed_at", "id"], unique=False
    )
    op.execute(
        "INSERT INTO publicchange (offer_id, changed_at) "
        "SELECT id, last_changed FROM offer ORDER BY last_changed, id"
    )


def downgrade() -> None:
    op.drop_index("ix_publicchange_changed_at_id", table_name="publicchange")
    op.drop_index(op.f("ix_publicchange_offer_id"), table_name="publicchange")
    op.drop_table("publicchange")

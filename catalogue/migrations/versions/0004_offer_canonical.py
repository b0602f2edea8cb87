"""offer canonical

An offer listed by several sources (BUR, the provider's site, a feed) is one cluster: each
duplicate points at the cluster's canonical offer, which alone is indexed for search
(`catalogue.clusters`, `catalogue.dedupe`).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27 20:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('offer', schema=None) as batch_op:
        batch_op.add_column(sa.Column('canonical_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_offer_canonical_id'), ['canonical_id'], unique=False)
        batch_op.create_foreign_key('fk_offer_canonical_id_offer', 'offer', ['canonical_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('offer', schema=None) as batch_op:
        batch_op.drop_constraint('fk_offer_canonical_id_offer', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_offer_canonical_id'))
        batch_op.drop_column('canonical_id')

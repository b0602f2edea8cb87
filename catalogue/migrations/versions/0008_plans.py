"""plans

"Mój plan" without an account (`catalogue.plans`): a plan found by the SHA-256 of its owner's
key or of its share key, and its items (an offer, optionally one edition of it, a position and
a note). An item goes with its plan or its offer; a replaced edition leaves the item with its
start date only.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 19:30:00
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'plan',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('share_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('used_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_plan_key_hash'), 'plan', ['key_hash'], unique=True)
    op.create_index(op.f('ix_plan_share_hash'), 'plan', ['share_hash'], unique=True)
    op.create_index(op.f('ix_plan_used_at'), 'plan', ['used_at'], unique=False)
    op.create_table(
        'planitem',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('plan_id', sa.Integer(), nullable=False),
        sa.Column('offer_id', sa.Integer(), nullable=False),
        sa.Column('edition_id', sa.Integer(), nullable=True),
        sa.Column('edition_start', sa.Date(), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['offer_id'], ['offer.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['edition_id'], ['edition.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_planitem_plan_id'), 'planitem', ['plan_id'], unique=False)
    op.create_index(op.f('ix_planitem_offer_id'), 'planitem', ['offer_id'], unique=False)
    op.create_index(op.f('ix_planitem_edition_id'), 'planitem', ['edition_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_planitem_edition_id'), table_name='planitem')
    op.drop_index(op.f('ix_planitem_offer_id'), table_name='planitem')
    op.drop_index(op.f('ix_planitem_plan_id'), table_name='planitem')
    op.drop_table('planitem')
    op.drop_index(op.f('ix_plan_used_at'), table_name='plan')
    op.drop_index(op.f('ix_plan_share_hash'), table_name='plan')
    op.drop_index(op.f('ix_plan_key_hash'), table_name='plan')
    op.drop_table('plan')

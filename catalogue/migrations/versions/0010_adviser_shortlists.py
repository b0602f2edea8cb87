"""adviser shortlists

A career adviser's client shortlists (`catalogue.shortlists`): the shortlist (its adviser, the
client's case number or pseudonym, the SHA-256 of its referral's read-only key and when that
expires), its items (an offer, optionally one edition, a position, a note) and the outcome of
an item (enrolled, completed or dropped, and when). Items and outcomes go with their shortlist;
a shortlist goes with its adviser's account.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 19:50:00
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'shortlist',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('adviser_id', sa.Integer(), nullable=False),
        sa.Column('label', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('share_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.Column('share_expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['adviser_id'], ['account.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_shortlist_adviser_id'), 'shortlist', ['adviser_id'], unique=False)
    op.create_index(op.f('ix_shortlist_share_hash'), 'shortlist', ['share_hash'], unique=True)
    op.create_table(
        'shortlistitem',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('shortlist_id', sa.Integer(), nullable=False),
        sa.Column('offer_id', sa.Integer(), nullable=False),
        sa.Column('edition_id', sa.Integer(), nullable=True),
        sa.Column('edition_start', sa.Date(), nullable=True),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
        sa.ForeignKeyConstraint(['shortlist_id'], ['shortlist.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['offer_id'], ['offer.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['edition_id'], ['edition.id'], ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_shortlistitem_shortlist_id'), 'shortlistitem', ['shortlist_id'], unique=False)
    op.create_index(op.f('ix_shortlistitem_offer_id'), 'shortlistitem', ['offer_id'], unique=False)
    op.create_index(op.f('ix_shortlistitem_edition_id'), 'shortlistitem', ['edition_id'], unique=False)
    op.create_table(
        'referraloutcome',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('outcome', sa.Enum('enrolled', 'completed', 'dropped', name='outcome'), nullable=False),
        sa.Column('recorded_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['item_id'], ['shortlistitem.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_referraloutcome_item_id'), 'referraloutcome', ['item_id'], unique=True)


def downgrade() -> None:
    op.drop_index(op.f('ix_referraloutcome_item_id'), table_name='referraloutcome')
    op.drop_table('referraloutcome')
    sa.Enum(name='outcome').drop(op.get_bind(), checkfirst=True)
    op.drop_index(op.f('ix_shortlistitem_edition_id'), table_name='shortlistitem')
    op.drop_index(op.f('ix_shortlistitem_offer_id'), table_name='shortlistitem')
    op.drop_index(op.f('ix_shortlistitem_shortlist_id'), table_name='shortlistitem')
    op.drop_table('shortlistitem')
    op.drop_index(op.f('ix_shortlist_share_hash'), table_name='shortlist')
    op.drop_index(op.f('ix_shortlist_adviser_id'), table_name='shortlist')
    op.drop_table('shortlist')

"""search alerts

E-mail alerts for a search (`catalogue.search_alerts`): the address, the search's normal form,
daily or weekly, when made, confirmed and last sent, and the SHA-256 of the confirm and the
unsubscribe keys. One alert per address and search.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 19:40:00
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'search_alert',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('search', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=False),
        sa.Column('frequency', sa.Enum('daily', 'weekly', name='alertfrequency'), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('confirmed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('last_sent_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('confirm_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('unsubscribe_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('email', 'search', name='uq_search_alert_email_search'),
    )
    op.create_index(op.f('ix_search_alert_email'), 'search_alert', ['email'], unique=False)
    op.create_index(op.f('ix_search_alert_confirmed_at'), 'search_alert', ['confirmed_at'], unique=False)
    op.create_index(op.f('ix_search_alert_confirm_hash'), 'search_alert', ['confirm_hash'], unique=True)
    op.create_index(op.f('ix_search_alert_unsubscribe_hash'), 'search_alert', ['unsubscribe_hash'], unique=True)


def downgrade() -> None:
    op.drop_index(op.f('ix_search_alert_unsubscribe_hash'), table_name='search_alert')
    op.drop_index(op.f('ix_search_alert_confirm_hash'), table_name='search_alert')
    op.drop_index(op.f('ix_search_alert_confirmed_at'), table_name='search_alert')
    op.drop_index(op.f('ix_search_alert_email'), table_name='search_alert')
    op.drop_table('search_alert')
    sa.Enum(name='alertfrequency').drop(op.get_bind(), checkfirst=True)

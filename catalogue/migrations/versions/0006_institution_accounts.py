"""institution accounts

Accounts, sign-in sessions, e-mail tokens, sign-in failures, API tokens, the history of offer
changes and uploads (`catalogue.accounts`); institutions' official numbers and approval; sources
an institution owns (its panel, its feeds); offer states draft, review and archived.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 16:30:00
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

NEW_OFFER_STATES = ('draft', 'review', 'archived')


def upgrade() -> None:
    if op.get_bind().dialect.name == 'postgresql':
        for state in NEW_OFFER_STATES:
            op.execute(f"ALTER TYPE offerstatus ADD VALUE IF NOT EXISTS '{state}'")
    with op.batch_alter_table('institution', schema=None) as batch_op:
        for column in ('nip', 'regon', 'ris_number', 'rspo_number', 'approval'):
            batch_op.add_column(sa.Column(column, sqlmodel.sql.sqltypes.AutoString(), nullable=True))
            batch_op.create_index(batch_op.f(f'ix_institution_{column}'), [column], unique=False)
        batch_op.add_column(sa.Column('registered_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('decided_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column('decided_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('refusal_reason', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('registered_id', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_institution_registered_id'), ['registered_id'], unique=False)
        batch_op.create_foreign_key('fk_institution_registered', 'institution', ['registered_id'], ['id'])
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.add_column(sa.Column('institution_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('feed_url', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('every', sqlmodel.sql.sqltypes.AutoString(), nullable=True))
        batch_op.add_column(sa.Column('enabled', sa.Boolean(), nullable=False, server_default=sa.true()))
        batch_op.create_index(batch_op.f('ix_source_institution_id'), ['institution_id'], unique=False)
        batch_op.create_foreign_key('fk_source_institution', 'institution', ['institution_id'], ['id'])

    op.create_table(
        'account',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('password_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('role', sa.Enum('member', 'coordinator', 'adviser', name='role'), nullable=False),
        sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('institution_id', sa.Integer(), nullable=True),
        sa.Column('email_confirmed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['institution_id'], ['institution.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_account_email'), 'account', ['email'], unique=True)
    op.create_index(op.f('ix_account_institution_id'), 'account', ['institution_id'], unique=False)

    op.create_table(
        'loginsession',
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('account_id', sa.Integer(), nullable=False),
        sa.Column('csrf_token', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('last_seen_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['account_id'], ['account.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_loginsession_account_id'), 'loginsession', ['account_id'], unique=False)

    op.create_table(
        'emailtoken',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('account_id', sa.Integer(), nullable=False),
        sa.Column('purpose', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('expires_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('used_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['account_id'], ['account.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_emailtoken_token_hash'), 'emailtoken', ['token_hash'], unique=True)
    op.create_index(op.f('ix_emailtoken_account_id'), 'emailtoken', ['account_id'], unique=False)

    op.create_table(
        'loginfailure',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('key', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_loginfailure_key'), 'loginfailure', ['key'], unique=False)
    op.create_index(op.f('ix_loginfailure_at'), 'loginfailure', ['at'], unique=False)

    op.create_table(
        'apitoken',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('institution_id', sa.Integer(), nullable=False),
        sa.Column('name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('token_hash', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('prefix', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('last_used_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('revoked_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(['institution_id'], ['institution.id']),
        sa.ForeignKeyConstraint(['created_by_id'], ['account.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_apitoken_institution_id'), 'apitoken', ['institution_id'], unique=False)
    op.create_index(op.f('ix_apitoken_token_hash'), 'apitoken', ['token_hash'], unique=True)

    op.create_table(
        'offerchange',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('offer_id', sa.Integer(), nullable=False),
        sa.Column('at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('account_id', sa.Integer(), nullable=True),
        sa.Column('api_token_id', sa.Integer(), nullable=True),
        sa.Column('via', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('action', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('fields', sa.JSON(), nullable=True),
        sa.Column('reason', sqlmodel.sql.sqltypes.AutoString(), nullable=True),
        sa.ForeignKeyConstraint(['offer_id'], ['offer.id']),
        sa.ForeignKeyConstraint(['account_id'], ['account.id']),
        sa.ForeignKeyConstraint(['api_token_id'], ['apitoken.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_offerchange_offer_id'), 'offerchange', ['offer_id'], unique=False)
    op.create_index(op.f('ix_offerchange_at'), 'offerchange', ['at'], unique=False)

    op.create_table(
        'upload',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('institution_id', sa.Integer(), nullable=False),
        sa.Column('account_id', sa.Integer(), nullable=False),
        sa.Column('file_name', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('content', sa.LargeBinary(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('rows', sa.Integer(), nullable=False),
        sa.Column('errors', sa.Integer(), nullable=False),
        sa.Column('warnings', sa.Integer(), nullable=False),
        sa.Column('state', sqlmodel.sql.sqltypes.AutoString(), nullable=False),
        sa.Column('published_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True),
        sa.Column('problems', sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(['institution_id'], ['institution.id']),
        sa.ForeignKeyConstraint(['account_id'], ['account.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_upload_institution_id'), 'upload', ['institution_id'], unique=False)


def downgrade() -> None:
    for table in ('upload', 'offerchange', 'apitoken', 'loginfailure', 'emailtoken', 'loginsession', 'account'):
        op.drop_table(table)
    sa.Enum(name='role').drop(op.get_bind(), checkfirst=True)
    with op.batch_alter_table('source', schema=None) as batch_op:
        batch_op.drop_constraint('fk_source_institution', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_source_institution_id'))
        for column in ('enabled', 'every', 'feed_url', 'institution_id'):
            batch_op.drop_column(column)
    with op.batch_alter_table('institution', schema=None) as batch_op:
        batch_op.drop_constraint('fk_institution_registered', type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_institution_registered_id'))
        for column in ('registered_id', 'refusal_reason', 'decided_by_id', 'decided_at', 'registered_at'):
            batch_op.drop_column(column)
        for column in ('approval', 'rspo_number', 'ris_number', 'regon', 'nip'):
            batch_op.drop_index(batch_op.f(f'ix_institution_{column}'))
            batch_op.drop_column(column)
    # PostgreSQL cannot drop values of an enum type: draft, review and archived stay unused.

"""occupational barometer

The occupational barometer (Barometr zawodów) the coordinator imports
(`catalogue.barometer_tables`): each import of a file (its year, file name, when, and how many
rows were kept, rejected and skipped) and the forecasts it brought, one per year, powiat and
occupation (shortage, balance or surplus, with the file's own word). Forecasts go with their
import.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-08 00:20:00
"""

from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'barometerimport',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('filename', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column('imported_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('via', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column('kept', sa.Integer(), nullable=False),
        sa.Column('rejected', sa.Integer(), nullable=False),
        sa.Column('skipped', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_barometerimport_year'), 'barometerimport', ['year'], unique=False)
    op.create_table(
        'barometerforecast',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('import_id', sa.Integer(), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('powiat_teryt', sqlmodel.sql.sqltypes.AutoString(length=4), nullable=False),
        sa.Column('occupation', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column('forecast', sqlmodel.sql.sqltypes.AutoString(length=10), nullable=False),
        sa.Column('label', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.ForeignKeyConstraint(['import_id'], ['barometerimport.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('year', 'powiat_teryt', 'occupation', name='uq_barometer_forecast'),
    )
    op.create_index(op.f('ix_barometerforecast_import_id'), 'barometerforecast', ['import_id'], unique=False)
    op.create_index(op.f('ix_barometerforecast_year'), 'barometerforecast', ['year'], unique=False)
    op.create_index(op.f('ix_barometerforecast_powiat_teryt'), 'barometerforecast', ['powiat_teryt'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_barometerforecast_powiat_teryt'), table_name='barometerforecast')
    op.drop_index(op.f('ix_barometerforecast_year'), table_name='barometerforecast')
    op.drop_index(op.f('ix_barometerforecast_import_id'), table_name='barometerforecast')
    op.drop_table('barometerforecast')
    op.drop_index(op.f('ix_barometerimport_year'), table_name='barometerimport')
    op.drop_table('barometerimport')

"""edition indexes

De-duplication (`catalogue.clusters._candidates`) looks for editions starting within a day of
each new or changed offer's editions, at the same gmina: without these indexes every look read
the whole edition table (an upload of 2,800 offers spent a third of its time there).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 17:15:00
"""

from alembic import op


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('edition', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_edition_start_date'), ['start_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_edition_gmina_teryt'), ['gmina_teryt'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('edition', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_edition_gmina_teryt'))
        batch_op.drop_index(batch_op.f('ix_edition_start_date'))

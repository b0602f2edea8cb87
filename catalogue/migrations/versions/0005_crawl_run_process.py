"""crawl run process

The process that crawls a run (`pid` on `host`): a run left `running` by a process that no
longer exists (killed with SIGKILL, a machine that rebooted) is marked failed at the next start
of a crawl or of `lll sources` (`catalogue.runs.fail_abandoned`). `notes` holds what a run wants
said without being an error (offers kept because robots.txt now forbids their pages).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 14:00:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('crawlrun', schema=None) as batch_op:
        batch_op.add_column(sa.Column('pid', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('host', sa.String(), nullable=True))
        batch_op.add_column(sa.Column('notes', sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('crawlrun', schema=None) as batch_op:
        batch_op.drop_column('notes')
        batch_op.drop_column('host')
        batch_op.drop_column('pid')

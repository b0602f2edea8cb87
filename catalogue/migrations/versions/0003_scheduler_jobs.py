"""scheduler jobs

The table of APScheduler's SQLAlchemyJobStore (`operations.schedule`): one row per scheduled job,
its state pickled by APScheduler. Its shape is APScheduler 3.x's own, so the job store finds it
ready (it only creates the table when missing). It has no SQLModel model: migrations/env.py
leaves it out of autogenerate.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 19:30:00
"""

from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('apscheduler_jobs',
    # 191: APScheduler's key length (MySQL's limit for utf8mb4 keys); Float(25): 8 bytes.
    sa.Column('id', sa.Unicode(length=191), nullable=False),
    sa.Column('next_run_time', sa.Float(precision=25), nullable=True),
    sa.Column('job_state', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('apscheduler_jobs', schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f('ix_apscheduler_jobs_next_run_time'), ['next_run_time'], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table('apscheduler_jobs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_apscheduler_jobs_next_run_time'))

    op.drop_table('apscheduler_jobs')

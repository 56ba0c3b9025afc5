"""indexes for the verifiers' queue: (status, due_at, id) and (status, band)

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 04:30:00
"""
from collections.abc import Sequence

from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.create_index('ix_complaint_queue', ['status', 'due_at', 'id'], unique=False)
        batch_op.create_index('ix_complaint_status_band', ['status', 'band'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('complaint', schema=None) as batch_op:
        batch_op.drop_index('ix_complaint_status_band')
        batch_op.drop_index('ix_complaint_queue')

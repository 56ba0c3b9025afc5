"""complaint.received_month: the duplicates catch-up reads one month's new rows by index

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-03 15:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column('complaint', sa.Column('received_month', sa.Integer(), nullable=True))
    # received_at is naive UTC on both databases (api.models.UTCDateTime).
    if op.get_bind().dialect.name == 'sqlite':
        month = "CAST(strftime('%Y', received_at) AS INTEGER) * 100 + CAST(strftime('%m', received_at) AS INTEGER)"
    else:
        month = "CAST(EXTRACT(YEAR FROM received_at) AS INTEGER) * 100 + CAST(EXTRACT(MONTH FROM received_at) AS INTEGER)"
    op.execute(f"UPDATE complaint SET received_month = {month}")
    op.create_index('ix_complaint_month_id', 'complaint', ['received_month', 'id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_complaint_month_id', table_name='complaint')
    with op.batch_alter_table('complaint') as batch:
        batch.drop_column('received_month')

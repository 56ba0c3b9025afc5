"""agency directory: history of changes (agency_change)

Revision ID: 0011
Revises: 0009
Create Date: 2026-12-02 08:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('agency_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('agency_code', sa.String(length=40), nullable=False),
    sa.Column('action', sa.String(length=20), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_agency_change_agency_code'), 'agency_change', ['agency_code'], unique=False)
    op.create_index(op.f('ix_agency_change_at'), 'agency_change', ['at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_agency_change_at'), table_name='agency_change')
    op.drop_index(op.f('ix_agency_change_agency_code'), table_name='agency_change')
    op.drop_table('agency_change')

"""learning from decisions: agency type/keywords/description, settings, bundles in the database, learning log

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02 08:00:00
"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('agency') as batch:
        batch.add_column(sa.Column('type', sa.String(length=200), nullable=True))
        batch.add_column(sa.Column('keywords', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('description', sa.Text(), nullable=True))
    op.create_table('setting',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.JSON(), nullable=False),
    sa.Column('updated_by', sa.String(length=100), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('model_blob',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.Integer(), nullable=False),
    sa.Column('part', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['model_entry.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('entry_id', 'part', name='uq_model_blob_entry_part')
    )
    op.create_index(op.f('ix_model_blob_entry_id'), 'model_blob', ['entry_id'], unique=False)
    op.create_table('learning_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_learning_event_kind_at', 'learning_event', ['kind', 'at'], unique=False)
    op.create_index(op.f('ix_learning_event_at'), 'learning_event', ['at'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_learning_event_at'), table_name='learning_event')
    op.drop_index('ix_learning_event_kind_at', table_name='learning_event')
    op.drop_table('learning_event')
    op.drop_index(op.f('ix_model_blob_entry_id'), table_name='model_blob')
    op.drop_table('model_blob')
    op.drop_table('setting')
    with op.batch_alter_table('agency') as batch:
        batch.drop_column('description')
        batch.drop_column('keywords')
        batch.drop_column('type')

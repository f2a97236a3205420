"""Alembic environment: migrations run on the store's open connection, in batch mode."""

from alembic import context

from kimdesk.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("KIMdesk migrations run only through kimdesk.store.migrate")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()

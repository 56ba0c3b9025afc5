"""A Core select run on a DBAPI cursor, for the few reads on the hottest requests.

``Connection.execute`` spends about 25 us per statement on SQLAlchemy's own work (the compiled cache,
the execution context, the result object): three times what SQLite takes to answer the API key lookup.
``RawSelect`` compiles its statement once per dialect, binds the parameters in the driver's style, and
converts each column with its type's own result processor, so a ``DateTime`` comes back as
``Connection.execute`` gives it, on SQLite as on PostgreSQL. ``first`` borrows a connection from the
engine's pool and gives it back (the pool's reset rolls the read back): pre-ping, fork safety and the
pool's size apply as to every other statement. ``all`` reads on a SQLAlchemy connection the caller holds
(a session's), inside its transaction.
"""

from __future__ import annotations

import contextlib
from collections import namedtuple
from typing import Any

from sqlalchemy import exc
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql import Select


@contextlib.contextmanager
def _as_sqlalchemy_errors(dialect):
    """The driver's errors as SQLAlchemy raises them from ``Connection.execute`` (an unreachable database
    is a ``sqlalchemy.exc.OperationalError``, which the service answers with 503), without the bound
    values (a key's digest, report ids)."""
    base = dialect.loaded_dbapi.Error
    try:
        yield
    except base as e:
        raise exc.DBAPIError.instance(None, None, e, base, hide_parameters=True, dialect=dialect) from e


class RawSelect:
    def __init__(self, stmt: Select):
        self.stmt = stmt
        self._row = namedtuple("Row", [c.key for c in stmt.selected_columns])
        self._sql: dict[str, tuple[str, tuple[str, ...] | None]] = {}  # dialect -> (SQL, positional order)
        self._processors: dict[str, list] = {}  # dialect -> one result processor (or None) per column

    def first(self, engine: Engine, params: dict[str, Any]):
        """The first row (a named tuple of the selected columns' keys), or None, on a pooled connection."""
        with _as_sqlalchemy_errors(engine.dialect):
            dbapi_conn = engine.raw_connection()
            try:
                rows = self._run(dbapi_conn, engine.dialect, params, one=True)
            finally:
                dbapi_conn.close()  # back to the pool
        return rows[0] if rows else None

    def all(self, conn: Connection, params: dict[str, Any]) -> list:
        """Every row, read on ``conn``'s DBAPI connection (in its transaction)."""
        with _as_sqlalchemy_errors(conn.dialect):
            return self._run(conn.connection, conn.dialect, params, one=False)

    def _run(self, dbapi_conn, dialect, params: dict[str, Any], one: bool) -> list:
        key = f"{dialect.name}+{dialect.driver}"
        compiled = self._sql.get(key)
        if compiled is None:  # a race here compiles twice, to the same answer
            c = self.stmt.compile(dialect=dialect)
            converted = [b.key for b in c.binds.values() if b.type.dialect_impl(dialect).bind_processor(dialect) is not None]
            if converted:  # values are handed to the driver as they are: no type may need converting
                raise ValueError(f"RawSelect binds values as given; {converted} need converting on {key}")
            compiled = self._sql[key] = (c.string, tuple(c.positiontup) if c.positional else None)
        sql, order = compiled
        cur = dbapi_conn.cursor()
        try:
            cur.execute(sql, params if order is None else tuple(params[k] for k in order))
            raw = cur.fetchmany(1) if one else cur.fetchall()
            processors = self._processors.get(key)
            if processors is None and raw:
                processors = self._processors[key] = [
                    col.type.dialect_impl(dialect).result_processor(dialect, d[1])
                    for col, d in zip(self.stmt.selected_columns, cur.description, strict=True)]
        finally:
            cur.close()
        row = self._row
        if not raw or not any(processors):
            return [row(*r) for r in raw]
        return [row(*(v if p is None else p(v) for p, v in zip(processors, r, strict=True))) for r in raw]

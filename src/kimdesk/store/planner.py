"""Hints for SQLite's query planner, written so other databases read plain SQL.

Nearly every row of a table is live, yet SQLite's planner, without statistics, takes an index
on ``deleted`` for a selective one: through the statistics' cube index (which leads with
``deleted``) it read every consultation from all over the table and then sorted them, five
times slower than reading the table in its own order or walking the date index.
"""

from __future__ import annotations

from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement


class _NoIndex(FunctionElement):
    """A column the planner may not look up by index (SQLite's unary ``+``)."""

    inherit_cache = True

    def __init__(self, column):
        super().__init__(column)
        self.type = column.type


@compiles(_NoIndex)
def _plain(element, compiler, **kw) -> str:
    return compiler.process(element.clauses, **kw)


@compiles(_NoIndex, "sqlite")
def _unary_plus(element, compiler, **kw) -> str:
    return "+" + compiler.process(element.clauses, **kw)


def live(table):
    """``table.deleted`` is false, a condition that never picks an index."""
    return _NoIndex(table.c.deleted).is_(False)

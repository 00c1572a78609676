"""Read-only access for users: SQL and the canned change listings."""

import duckdb

from .db import WarehouseError, connect

# Statement types a read-only user query may contain. COPY, ATTACH, SET, INSTALL and every
# write are refused before anything runs (COPY ... TO and ATTACH could write files).
READ_STATEMENTS = {"SELECT", "EXPLAIN", "PRAGMA"}


class ReadOnlyViolation(WarehouseError):
    pass


class QueryError(WarehouseError):
    pass


def run_readonly(sql: str, db=None) -> tuple[list[str], list[tuple]]:
    """Run user SQL on a read-only connection; returns the last statement's columns and rows."""
    with connect(db, read_only=True) as con:
        try:
            statements = con.extract_statements(sql)
        except duckdb.Error as exc:
            raise QueryError(_clean(exc)) from None
        if not statements:
            raise QueryError("no SQL statement given")
        for statement in statements:
            kind = statement.type.name
            if kind not in READ_STATEMENTS:
                raise ReadOnlyViolation(
                    f"`articlewatch sql` is read-only: {kind} statements are not allowed "
                    "(use SELECT; writes come from backfill/watch flows)"
                )
        try:
            for statement in statements[:-1]:
                con.execute(statement.query)
            cursor = con.execute(statements[-1].query)
            columns = [d[0] for d in cursor.description or []]
            return columns, cursor.fetchall()
        except duckdb.Error as exc:
            raise QueryError(_clean(exc)) from None


def changes_sql(kind: str | None = None, key: str | None = None) -> tuple[str, list]:
    """SQL (and parameters) listing position_changes, optionally one kind and keys containing `key`."""
    where, params = [], []
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if key:
        where.append("key ILIKE ?")
        params.append(f"%{key}%")
    sql = """
        SELECT kind, key, previous_value, new_value, change,
               strftime(previous_effective_at, '%Y-%m-%d %H:%M') AS previous_at,
               strftime(effective_at, '%Y-%m-%d %H:%M') AS at,
               previous_article_id, article_id
        FROM position_changes"""
    if where:
        sql += " WHERE " + " AND ".join(where)
    return sql + " ORDER BY kind, key, effective_at", params


def run_query(sql: str, params: list, db=None) -> tuple[list[str], list[tuple]]:
    """Run one of our own read queries (parameterised) on a read-only connection."""
    with connect(db, read_only=True) as con:
        try:
            cursor = con.execute(sql, params)
            return [d[0] for d in cursor.description], cursor.fetchall()
        except duckdb.Error as exc:
            raise QueryError(_clean(exc)) from None


def _clean(exc: Exception) -> str:
    return " ".join(str(exc).split())

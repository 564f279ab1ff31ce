"""Trigram indexes for the accent-folded ``search_text`` columns, on PostgreSQL only.

Search narrows rows with ``search_text LIKE '%term%'`` for every word typed (``core.text.
filter_search``); a B-tree index cannot serve a leading wildcard, so without these the register
search reads all of its 445,000 awards. ``pg_trgm`` is a trusted extension (PostgreSQL 13+): the
database owner may create it. Where the role may not, the migration goes on without the indexes
(search still works, only slower) and says what to run. SQLite has no such index; it is untouched.
"""

from django.db import migrations, transaction


def trigram_indexes(*tables: str):
    """A migration operation adding ``<table>_search_trgm`` to each table (and dropping it on reverse)."""

    def forward(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return
        try:
            with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
                cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except Exception:  # noqa: BLE001 - a role without the right: the app works without the index
            print(f"\n  pg_trgm không tạo được; tìm kiếm vẫn chạy nhưng chậm hơn. Quản trị CSDL chạy: "
                  f"CREATE EXTENSION pg_trgm; rồi chạy lại migrate. (bảng: {', '.join(tables)})")
            return
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"CREATE INDEX IF NOT EXISTS {table}_search_trgm ON {table} USING gin (search_text gin_trgm_ops)")

    def backward(apps, schema_editor):
        connection = schema_editor.connection
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            for table in tables:
                cursor.execute(f"DROP INDEX IF EXISTS {table}_search_trgm")

    return migrations.RunPython(forward, backward, elidable=False)

"""Validate and write an import file, all or nothing.

Parsing the cells (the slow part for big files) runs first, reporting progress. Resolution of
codes against the database, the duplicate checks and the write then run inside one transaction:
any error anywhere, and nothing is written. ``dry_run`` validates the same way and rolls back.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import log_action

from ..models import ImportJob, ImportStatus
from .fields import Columns, Row, RowError, check_headers
from .kinds import SPECS, Context, Parsed
from .reader import FileRefused, Table, read_table

PROGRESS_EVERY = 500
PREVIEW_ROWS = 50


@dataclass
class ImportResult:
    kind: str
    rows: int = 0
    written: int = 0
    errors: list[RowError] = field(default_factory=list)
    headers: list[str] = field(default_factory=list)
    preview: list[dict] = field(default_factory=list)  # {"row": R, "cells": [...]} of the first rows and every row in error
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


class _Refuse(Exception):
    """Raised inside the transaction to roll it back when rows are invalid."""


def _preview(table: Table, errors: list[RowError]) -> list[dict]:
    bad = {e.row for e in errors if e.row}
    return [{"row": number, "cells": [v.strftime("%d/%m/%Y") if hasattr(v, "strftime") else str(v) for v in values]}
            for i, (number, values) in enumerate(table.rows) if i < PREVIEW_ROWS or number in bad][:PREVIEW_ROWS + 500]


def parse_table(kind: str, table: Table, progress: Callable[[int, int], None] | None = None) -> tuple[list[Parsed], list[RowError]]:
    """Header check and per-cell parsing; no database access."""
    spec = SPECS[kind]
    errors = check_headers(table, spec.headers, spec.optional)
    if errors:
        return [], errors
    columns = Columns(table)
    items = []
    total = len(table.rows)
    for n, (number, values) in enumerate(table.rows, start=1):
        row = Row(number, values, columns, errors)
        items.append(Parsed(row, spec.parse(row)))
        if progress and n % PROGRESS_EVERY == 0:
            progress(n, total)
    if progress:
        progress(total, total)
    return items, errors


def run_import(
    kind: str, data: bytes, file_name: str, *, actor=None, scope_unit=None, dry_run: bool = False,
    job: ImportJob | None = None, progress: Callable[[int, int], None] | None = None,
) -> ImportResult:
    """Validate ``data`` as a ``kind`` file and, unless ``dry_run`` or invalid, write every row.

    Staff-only kinds (units, awards) are refused for a ``scope_unit``. The write is logged
    (``awards.import.write``) against ``job`` (created here for command-line runs) with the
    file name and row count.
    """
    spec = SPECS[kind]
    result = ImportResult(kind=kind, dry_run=dry_run)
    if spec.staff_only and scope_unit is not None:
        result.errors.append(RowError(None, "", _("Chỉ cán bộ Sở Nội vụ được nhập loại dữ liệu này.")))
        return result
    try:
        table = read_table(data, file_name)
    except FileRefused as exc:
        result.errors.append(RowError(None, "", str(exc)))
        return result
    result.rows, result.headers = len(table.rows), list(table.headers)
    items, errors = parse_table(kind, table, progress)
    result.errors = errors
    if not items and errors:
        return result
    ctx = Context(actor=actor, scope_unit=scope_unit, errors=errors)
    try:
        with transaction.atomic():
            objects = spec.resolve(items, ctx)
            if errors or dry_run:
                raise _Refuse
            result.written = spec.write(objects)
            if job is not None:
                job.status, job.rows_written, job.rows_done, job.finished_at = ImportStatus.DONE, result.written, result.rows, timezone.now()
                job.errors = []
                job.save(update_fields=["status", "rows_written", "rows_done", "finished_at", "errors", "updated_at"])
            else:
                job = ImportJob.objects.create(kind=kind, file_name=file_name[:255], created_by=actor if getattr(actor, "pk", None) else None,
                                               scope_unit=scope_unit, status=ImportStatus.DONE, rows_total=result.rows,
                                               rows_done=result.rows, rows_written=result.written, finished_at=timezone.now())
            log_action(actor=actor, action="awards.import.write", obj=job,
                       after={"kind": kind, "file_name": file_name, "rows": result.written})
    except _Refuse:
        pass
    except IntegrityError:
        result.written = 0
        errors.append(RowError(None, "", _("Dữ liệu trong hệ thống vừa thay đổi trong lúc nhập; không có dòng nào được ghi. Hãy thử lại.")))
    errors.sort(key=lambda e: (e.row or 0, len(e.column), e.column))
    result.errors = errors
    result.preview = _preview(table, errors)
    return result

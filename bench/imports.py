"""Import of 10,000 award rows (``import_data awards``) against reading the same workbook with
openpyxl alone. Each import runs inside a transaction that is rolled back, so runs repeat."""

import io
import tempfile
import time
from pathlib import Path

ROWS = 10_000
REPEAT = 3
HEADERS = ["Mã đối tượng", "Loại đối tượng", "Mã khen thưởng", "Năm", "Số quyết định", "Ngày quyết định",
           "Loại khen thưởng", "Mã phong trào", "Mã sáng kiến"]


class _Rollback(Exception):
    pass


def build_workbook() -> bytes:
    """Giấy khen (đột xuất) for 10,000 people in the current year: none of them holds one yet."""
    from openpyxl import Workbook

    from org.models import Person

    codes = list(Person.objects.filter(code__startswith="PP").order_by("code").values_list("code", flat=True)[:ROWS])
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("awards")
    ws.append(HEADERS)
    for i, code in enumerate(codes):
        ws.append([code, "ca_nhan", "GK", 2026, f"{i // 500 + 1}/QĐ-BENCH", "15/11/2026", "dot_xuat", "", ""])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _read_only(data: bytes) -> int:
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    n = sum(1 for _row in wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    return n


def _import(path: Path) -> None:
    from django.core.management import call_command
    from django.db import transaction

    out = io.StringIO()
    try:
        with transaction.atomic():
            call_command("import_data", "awards", str(path), stdout=out, stderr=out)
            if "Đã ghi" not in out.getvalue():
                raise RuntimeError(out.getvalue()[-500:])
            raise _Rollback
    except _Rollback:
        pass
    except SystemExit as exc:
        raise RuntimeError(f"import refused the file: {out.getvalue()[-800:]}") from exc


def run(report) -> None:
    from django.core.management import get_commands

    if "import_data" not in get_commands():
        report.note("import: command import_data not on this branch; skipped")
        return
    data = build_workbook()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "awards-10000.xlsx"
        path.write_bytes(data)
        reads, imports = [], []
        for _ in range(REPEAT):
            start = time.perf_counter()
            _read_only(data)
            reads.append(time.perf_counter() - start)
            start = time.perf_counter()
            _import(path)
            imports.append(time.perf_counter() - start)
    report(f"import: {ROWS} award rows (import_data awards, written then rolled back)", imports, reads)

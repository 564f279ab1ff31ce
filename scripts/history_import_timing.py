"""Time importing 10,000 ``awards`` rows (issue 3) against the seeded small demo, then roll back.

    DEBUG=1 .venv/bin/python manage.py shell < scripts/history_import_timing.py

Prints the seconds for reading, validating and writing the file and the number of queries issued
(which does not grow with the rows: codes are resolved in bulk). Nothing stays in the database.
"""

import time

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from awards.imports.kinds import SPECS
from awards.imports.runner import run_import
from core.xlsx import xlsx_bytes
from org.models import Person

people = list(Person.objects.order_by("code").values_list("code", flat=True)[:345])
rows = [[code, "ca_nhan", "GK", year, f"{i}/QĐ-TEST", f"15/01/{year + 1}", "cong_trang", "", ""]
        for i, (code, year) in enumerate(((c, y) for y in range(1990, 2019) for c in people), start=1)][:10_000]
data = xlsx_bytes(SPECS["awards"].headers, rows)
print(f"file: {len(rows)} rows, {len(data) / 1024:.0f} KiB")


class Rollback(Exception):
    pass


try:
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        start = time.perf_counter()
        result = run_import("awards", data, "awards-10000.xlsx")
        elapsed = time.perf_counter() - start
        print(f"written: {result.written}, errors: {len(result.errors)}, seconds: {elapsed:.2f}, queries: {len(queries)}")
        raise Rollback
except Rollback:
    print("rolled back")

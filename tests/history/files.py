"""Building import files in memory for tests."""

import io
import zipfile

from openpyxl import Workbook

from awards.imports.kinds import SPECS


def xlsx(headers, rows) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.append(headers)
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def csv_bytes(headers, rows, bom=True) -> bytes:
    import csv

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def headers(kind):
    return list(SPECS[kind].headers)


def rewrite_member(data: bytes, name: str, transform) -> bytes:
    """A copy of the xlsx ``data`` with member ``name`` replaced by ``transform(old)``."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == name:
                content = transform(content)
            dst.writestr(info.filename, content)
    return out.getvalue()


def add_member(data: bytes, name: str, content: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, src.read(info.filename))
        dst.writestr(name, content)
    return out.getvalue()

"""Reading an uploaded .xlsx or .csv into header and rows, refusing hostile or broken files.

Checks, in order: size cap; the content is what the extension claims (an OOXML zip for .xlsx,
UTF-8 text for .csv); for .xlsx the declared uncompressed size of every zip member and their total
(zip bombs), and no DTD in any XML part (entity expansion; openpyxl also parses with defusedxml);
a row cap; an empty file or a file with headers only.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

MAX_BYTES = getattr(settings, "IMPORT_MAX_BYTES", 20 * 1024 * 1024)
MAX_UNCOMPRESSED = getattr(settings, "IMPORT_MAX_UNCOMPRESSED_BYTES", 200 * 1024 * 1024)
MAX_RATIO = 200  # an honest sheet compresses ~10:1; a bomb by 1000:1 and more
MAX_ROWS = getattr(settings, "IMPORT_MAX_ROWS", 100_000)
MAX_COLUMNS = 60
PROLOG_BYTES = 64 * 1024


class FileRefused(Exception):
    """The file as a whole cannot be read; the message says why, in Vietnamese."""


@dataclass
class Table:
    """A sheet: headers as written (row 1) and data rows with their spreadsheet row numbers."""

    headers: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)

    @staticmethod
    def letter(index: int) -> str:
        return get_column_letter(index + 1)


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date() if value.time() == datetime.time(0) else value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _blank(values) -> bool:
    return all(v == "" or (isinstance(v, str) and not v.strip()) for v in values)


def _check_size(size: int) -> None:
    if size == 0:
        raise FileRefused(_("Tệp rỗng: không có dữ liệu."))
    if size > MAX_BYTES:
        raise FileRefused(_("Tệp quá lớn (%(size)s MB; tối đa %(max)s MB).") % {
            "size": round(size / 1024 / 1024, 1), "max": MAX_BYTES // 1024 // 1024})


def _check_xlsx_zip(data: bytes) -> None:
    if not data.startswith(b"PK\x03\x04"):
        raise FileRefused(_("Tệp không phải bảng tính Excel (.xlsx); hãy lưu lại dưới dạng .xlsx hoặc .csv (UTF-8)."))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise FileRefused(_("Tệp .xlsx bị hỏng, không đọc được.")) from exc
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise FileRefused(_("Tệp không phải bảng tính Excel (.xlsx); hãy lưu lại dưới dạng .xlsx hoặc .csv (UTF-8)."))
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if total > MAX_UNCOMPRESSED or (member.file_size > 1024 * 1024 and ratio > MAX_RATIO):
            raise FileRefused(_("Tệp bị từ chối: dữ liệu nén bất thường (nghi ngờ \"bom nén\")."))
    for member in members:
        if not member.filename.endswith((".xml", ".rels", ".vml")):
            continue
        with archive.open(member) as stream:
            prolog = stream.read(PROLOG_BYTES).upper()
        if b"<!DOCTYPE" in prolog or b"<!ENTITY" in prolog:
            raise FileRefused(_("Tệp bị từ chối: chứa khai báo XML (DOCTYPE/ENTITY) không được phép."))


def read_xlsx(data: bytes) -> Table:
    _check_xlsx_zip(data)
    try:
        # Formulas come back as their text ("=...") and are refused like any formula start.
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on broken parts
        raise FileRefused(_("Tệp .xlsx bị hỏng, không đọc được.")) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header_row = next(rows, None)
        if header_row is None or _blank([_cell(v) for v in header_row]):
            raise FileRefused(_("Tệp rỗng: không có hàng tiêu đề."))
        headers = [str(_cell(v)).strip() for v in header_row[:MAX_COLUMNS]]
        while headers and headers[-1] == "":
            headers.pop()
        table = Table(headers)
        for number, values in enumerate(rows, start=2):
            values = [_cell(v) for v in values[: len(headers)]]
            if _blank(values):
                continue
            if len(table.rows) >= MAX_ROWS:
                raise FileRefused(_("Tệp có quá nhiều dòng (tối đa %(max)s dòng dữ liệu).") % {"max": f"{MAX_ROWS:,}".replace(",", ".")})
            values += [""] * (len(headers) - len(values))
            table.rows.append((number, values))
    finally:
        workbook.close()
    return table


def read_csv(data: bytes) -> Table:
    if b"\x00" in data[:PROLOG_BYTES] or data.startswith((b"PK\x03\x04", b"%PDF")):
        raise FileRefused(_("Tệp không phải văn bản CSV; hãy lưu bảng tính dưới dạng CSV UTF-8 hoặc .xlsx."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRefused(_("Tệp CSV không phải mã UTF-8; hãy lưu lại với mã hóa UTF-8.")) from exc
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header_row = next(reader, None)
    if header_row is None or _blank(header_row):
        raise FileRefused(_("Tệp rỗng: không có hàng tiêu đề."))
    headers = [h.strip() for h in header_row[:MAX_COLUMNS]]
    while headers and headers[-1] == "":
        headers.pop()
    table = Table(headers)
    try:
        # Row numbers as the spreadsheet shows them: one per record, even when a quoted cell spans
        # several physical lines (``reader.line_num`` would count those lines).
        for number, values in enumerate(reader, start=2):
            values = values[: len(headers)]
            if _blank(values):
                continue
            if len(table.rows) >= MAX_ROWS:
                raise FileRefused(_("Tệp có quá nhiều dòng (tối đa %(max)s dòng dữ liệu).") % {"max": f"{MAX_ROWS:,}".replace(",", ".")})
            values += [""] * (len(headers) - len(values))
            table.rows.append((number, values))
    except csv.Error as exc:
        raise FileRefused(_("Tệp CSV sai định dạng: %(error)s") % {"error": exc}) from exc
    return table


def read_table(data: bytes, file_name: str) -> Table:
    """The first sheet of ``data``; raises FileRefused for anything but a sane .xlsx or .csv."""
    name = file_name.lower()
    if not name.endswith((".xlsx", ".csv")):
        raise FileRefused(_("Chỉ nhận tệp .xlsx hoặc .csv (UTF-8)."))
    _check_size(len(data))
    table = read_xlsx(data) if name.endswith(".xlsx") else read_csv(data)
    if not table.rows:
        raise FileRefused(_("Tệp không có dòng dữ liệu nào (chỉ có hàng tiêu đề)."))
    return table


def count_rows(data: bytes, file_name: str) -> int:
    """A cheap estimate of the number of data rows, to decide between inline and background."""
    _check_size(len(data))
    if file_name.lower().endswith(".csv"):
        return max(data.count(b"\n") - 1, 0)
    _check_xlsx_zip(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True)
        sheet = workbook.worksheets[0]
        rows = (sheet.max_row or 1) - 1
        workbook.close()
        return rows
    except Exception:
        return 0

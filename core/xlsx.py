"""Writing spreadsheets for download: one sheet, a bold header row, formula starts escaped."""

import io

from django.http import HttpResponse
from openpyxl import Workbook
from openpyxl.styles import Font

from .text import escape_formula

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def xlsx_bytes(headers: list[str], rows, *, title: str = "Dữ liệu") -> bytes:
    """``rows`` of cell values (str, int, None...) as .xlsx; text that a spreadsheet would read
    as a formula (=, +, -, @) is prefixed with a quote."""
    # A regular (not write-only) workbook records the sheet's <dimension>, which lets readers
    # (ours included) size the sheet without parsing it twice.
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(list(headers))
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    for row in rows:
        sheet.append([escape_formula(v) for v in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def xlsx_response(content: bytes, file_name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response

"""Per-cell parsing of import rows; every problem becomes a ``RowError`` at its row and column."""

import datetime
import difflib
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.text import clean_text, fold, starts_formula
from org.models import CODE_REGEX

from .reader import Table

DATE_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
CODE_RE = re.compile(CODE_REGEX)
YES_NO = {"co": True, "khong": False}
MIN_YEAR, MAX_YEAR = 1945, 2100


@dataclass(frozen=True)
class RowError:
    """One problem, as the user sees it: spreadsheet row number, column letter, message."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        return _("dòng %(row)s, cột %(column)s: %(message)s") % {"row": self.row, "column": self.column, "message": self.message}

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message, "text": str(self)}


class Columns:
    """Where each expected header sits in the file (after the header check)."""

    def __init__(self, table: Table):
        self.index = {h: i for i, h in enumerate(table.headers)}

    def letter(self, header: str) -> str:
        return Table.letter(self.index[header]) if header in self.index else "?"


def check_headers(table: Table, required: list[str], optional: list[str] = ()) -> list[RowError]:
    """Exact header check: missing, misspelled, duplicated and extra columns, all reported."""
    errors: list[RowError] = []
    expected = list(required) + list(optional)
    headers = [clean_text(h) for h in table.headers]
    table.headers = headers
    seen: dict[str, int] = {}
    suggested: set[str] = set()
    missing = [h for h in required if h not in headers]
    for i, header in enumerate(headers):
        letter = Table.letter(i)
        if not header:
            errors.append(RowError(1, letter, _("tiêu đề cột bị bỏ trống.")))
            continue
        if header in seen:
            errors.append(RowError(1, letter, _("cột \"%(h)s\" bị lặp (đã có ở cột %(other)s).") % {"h": header, "other": Table.letter(seen[header])}))
            continue
        seen[header] = i
        if header in expected:
            continue
        folded = {fold(m): m for m in missing}
        match = difflib.get_close_matches(fold(header), list(folded), n=1, cutoff=0.6)
        if match:
            suggested.add(folded[match[0]])
            errors.append(RowError(1, letter, _("tiêu đề \"%(h)s\" không đúng mẫu; có phải là \"%(want)s\"?") % {"h": header, "want": folded[match[0]]}))
        else:
            errors.append(RowError(1, letter, _("cột thừa \"%(h)s\" không có trong mẫu nhập; các cột của mẫu: %(all)s.") % {"h": header, "all": ", ".join(required)}))
    next_col = len(headers)
    for header in missing:
        if header in suggested:
            continue
        errors.append(RowError(1, Table.letter(next_col), _("thiếu cột bắt buộc \"%(h)s\".") % {"h": header}))
        next_col += 1
    return errors


class Row:
    """One data row, with typed accessors that record errors instead of raising."""

    def __init__(self, number: int, values: list, columns: Columns, errors: list[RowError]):
        self.number = number
        self.values = values
        self.columns = columns
        self.errors = errors
        self.ok = True

    def error(self, header: str, message: str) -> None:
        self.ok = False
        self.errors.append(RowError(self.number, self.columns.letter(header), message))

    def raw(self, header: str):
        i = self.columns.index.get(header)
        return self.values[i] if i is not None and i < len(self.values) else ""

    def _str(self, header: str) -> str:
        value = self.raw(header)
        if isinstance(value, datetime.date):
            return value.strftime("%d/%m/%Y")
        return clean_text(str(value))

    def text(self, header: str, *, required: bool = True, max_length: int = 300) -> str:
        value = self._str(header)
        if not value:
            if required:
                self.error(header, _("\"%(h)s\" không được để trống.") % {"h": header})
            return ""
        if starts_formula(value):
            self.error(header, _("giá trị \"%(v)s\" bắt đầu bằng ký tự công thức (=, +, -, @); hãy bỏ ký tự đó.") % {"v": value[:40]})
            return ""
        if len(value) > max_length:
            self.error(header, _("dài quá %(n)s ký tự.") % {"n": max_length})
            return ""
        return value

    def code(self, header: str, *, required: bool = True) -> str:
        value = self.text(header, required=required, max_length=40)
        if value and not CODE_RE.match(value):
            self.error(header, _("mã \"%(v)s\" không hợp lệ (chỉ gồm chữ không dấu, số và . _ -).") % {"v": value})
            return ""
        return value

    def choice(self, header: str, allowed, *, required: bool = True, upper: bool = False) -> str:
        value = self._str(header)
        value = value.upper() if upper else value.lower()
        if not value:
            if required:
                self.error(header, _("\"%(h)s\" không được để trống.") % {"h": header})
            return ""
        if value not in allowed:
            self.error(header, _("giá trị \"%(v)s\" không hợp lệ; dùng một trong: %(all)s.") % {"v": value[:40], "all": ", ".join(allowed)})
            return ""
        return value

    def yes_no(self, header: str) -> bool | None:
        value = self.choice(header, list(YES_NO))
        return YES_NO.get(value)

    def date(self, header: str, *, required: bool = True) -> datetime.date | None:
        value = self.raw(header)
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        value = clean_text(str(value))
        if not value:
            if required:
                self.error(header, _("\"%(h)s\" không được để trống.") % {"h": header})
            return None
        match = DATE_RE.match(value)
        if not match:
            self.error(header, _("ngày \"%(v)s\" không đúng dạng dd/mm/yyyy.") % {"v": value[:40]})
            return None
        day, month, year = (int(g) for g in match.groups())
        try:
            return datetime.date(year, month, day)
        except ValueError:
            self.error(header, _("ngày \"%(v)s\" không có thật.") % {"v": value})
            return None

    def year(self, header: str) -> int | None:
        value = self.raw(header)
        if isinstance(value, bool):
            value = ""
        text = clean_text(str(value))
        if not text:
            self.error(header, _("\"%(h)s\" không được để trống.") % {"h": header})
            return None
        if not text.isdigit():
            self.error(header, _("năm \"%(v)s\" không phải là số (ví dụ 2025).") % {"v": text[:40]})
            return None
        year = int(text)
        if not MIN_YEAR <= year <= MAX_YEAR:
            self.error(header, _("năm %(v)s nằm ngoài khoảng %(a)s–%(b)s.") % {"v": year, "a": MIN_YEAR, "b": MAX_YEAR})
            return None
        return year

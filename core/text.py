"""Vietnamese text: NFC normalisation at every input boundary and accent folding for search.

Search works by storing a folded copy of the searchable text (``search_text`` columns) and folding
the query the same way, so that ``nguyen van an`` finds ``Nguyễn Văn An`` on SQLite and PostgreSQL
alike. ``đ``/``Đ`` are letters with a stroke, not combining marks, so they are mapped by hand.
"""

import re
import unicodedata

# Bidi overrides and isolates (U+202A–202E, U+2066–2069) can make a name display reversed or
# spoofed ("Trojan source"): removed like the other invisible characters.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_SPACES = re.compile(r"\s+")


def clean_text(value: str | None, *, multiline: bool = False) -> str:
    """NFC, control characters removed, surrounding white space stripped.

    Single-line values also have internal runs of white space collapsed to one space.
    """
    if value is None:
        return ""
    value = unicodedata.normalize("NFC", str(value))
    if multiline:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
        value = "\n".join(_CONTROL.sub("", line).rstrip() for line in value.split("\n"))
        return value.strip()
    value = _CONTROL.sub("", value)
    return _SPACES.sub(" ", value).strip()


def fold(value: str | None) -> str:
    """Lower-case, accent-free, single-spaced form of ``value`` for searching."""
    if not value:
        return ""
    value = str(value).replace("đ", "d").replace("Đ", "D")
    value = unicodedata.normalize("NFD", value)
    value = "".join(ch for ch in value if unicodedata.category(ch) != "Mn")
    return " ".join(value.casefold().split())


def search_terms(query: str | None) -> list[str]:
    """The folded words of a search box entry; every word must match. Control characters go
    first: PostgreSQL refuses a NUL in a query parameter."""
    return fold(clean_text(query)).split()


def filter_search(queryset, query: str | None, field: str = "search_text"):
    """Narrow ``queryset`` to rows whose folded ``field`` contains every folded word of ``query``."""
    for term in search_terms(query):
        queryset = queryset.filter(**{f"{field}__contains": term})
    return queryset


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def starts_formula(value: str) -> bool:
    """True when a spreadsheet would read ``value`` as a formula (CSV/XLSX injection)."""
    return bool(value) and value.startswith(FORMULA_STARTS)


def escape_formula(value):
    """Make a text cell safe to open in a spreadsheet by prefixing a quote to formula starts."""
    if isinstance(value, str) and starts_formula(value):
        return "'" + value
    return value

"""Hostile inputs for every form and import: what each one is and what the app must do with it.

``expect``: ``accept`` (stored, normalised, shown escaped), ``reject`` (a Vietnamese message,
nothing written) or ``either`` (overlong values: rejected where the field has a maximum length).
"""

import unicodedata
from dataclasses import dataclass

NAME = "Nguyễn Văn Ân"


@dataclass(frozen=True)
class Payload:
    id: str
    value: str
    expect: str  # accept | reject | overlong
    stored: str | None = None  # the value expected in the database when accepted (default: value)


PAYLOADS = [
    Payload("script", "<script>alert(1)</script>", "accept"),
    Payload("img-onerror", '"><img src=x onerror=alert(1)>', "accept"),
    Payload("sql-drop", "'; DROP TABLE org_person; --", "accept"),
    Payload("sql-or", "' OR 1=1 --", "accept"),
    Payload("overlong", "Â" * 5001, "overlong"),
    Payload("empty", "", "reject"),
    Payload("whitespace", " \t  \n ", "reject"),
    Payload("zero-width-only", "\u200b\u200b", "reject"),
    Payload("nfd", unicodedata.normalize("NFD", NAME), "accept", stored=NAME),
    Payload("control", f"{NAME}\x1b\x07\u200b\u202e\u2066", "accept", stored=NAME),
    Payload("null-byte", f"{NAME}\x00", "either", stored=NAME),
    Payload("formula", '=HYPERLINK("http://x.invalid","bấm")', "accept"),
]

# Files that claim to be something they are not: every upload must refuse them.
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
HTML = b"<!doctype html><html><body><script>alert(1)</script></body></html>"
BAD_ZIP = b"PK\x03\x04" + b"\x14\x00\x00\x00\x08\x00" + b"\x00" * 20  # a zip header and nothing behind it

DISGUISED = [
    ("exe-as-pdf", "to-trinh.pdf", EXE),
    ("html-as-pdf", "to-trinh.pdf", HTML),
    ("exe-as-xlsx", "du-lieu.xlsx", EXE),
    ("html-as-xlsx", "du-lieu.xlsx", HTML),
    ("broken-zip-as-xlsx", "du-lieu.xlsx", BAD_ZIP),
    ("broken-zip-as-docx", "to-trinh.docx", BAD_ZIP),
    ("empty-pdf", "to-trinh.pdf", b""),
    ("empty-xlsx", "du-lieu.xlsx", b""),
]

import re
import subprocess
from dataclasses import dataclass
from html import unescape
from io import BytesIO
from pathlib import Path

from openpyxl import load_workbook


def pdf_text(content: bytes, tmp_path: Path, *, layout: bool = False) -> str:
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(path), "-"]
    return subprocess.run(args, capture_output=True, check=True, text=True).stdout


def flat_text(content: bytes, tmp_path: Path) -> str:
    """The PDF text with every run of white space (line breaks included) as one space.

    Running text then reads the same whatever the font metrics do to line wrapping; table cells
    are checked with ``pdf_rows`` instead, where neighbouring cells cannot interleave.
    """
    return " ".join(pdf_text(content, tmp_path).split())


@dataclass
class _Word:
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    text: str


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pdf_words(content: bytes, tmp_path: Path) -> list[_Word]:
    """Every word with its box in points (``pdftotext -bbox``), page by page."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    out = subprocess.run(
        ["pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    words = []
    for page, chunk in enumerate(out.split("<page ")[1:], start=1):
        for x0, y0, x1, y1, text in _WORD.findall(chunk):
            words.append(_Word(page, float(x0), float(y0), float(x1), float(y1), unescape(text)))
    return words


def pdf_rows(content: bytes, tmp_path: Path, *, cell_gap: float = 5.0) -> list[list[str]]:
    """Table rows as lists of cell texts, left to right, whatever the line wrapping inside cells.

    Geometry only: words on one visual line split into cells where the gap exceeds ``cell_gap``
    points (a word space is about 0.25 em; cell padding and border are wider); a segment starting
    at the same x one line below a cell continues that cell (a wrapped, left-aligned cell); cells
    whose first lines share a top edge form a row. Running text comes out as one-cell "rows".
    """
    cells: list[dict] = []  # {"page", "x", "y", "last_y", "words"}
    lines: dict[tuple[int, float], list[_Word]] = {}
    for w in pdf_words(content, tmp_path):
        lines.setdefault((w.page, round(w.y0, 1)), []).append(w)
    for (page, y), words in sorted(lines.items()):
        words.sort(key=lambda w: w.x0)
        segments = [[words[0]]]
        for prev, word in zip(words, words[1:], strict=False):
            if word.x0 - prev.x1 > cell_gap:
                segments.append([])
            segments[-1].append(word)
        for seg in segments:
            height = seg[0].y1 - seg[0].y0
            owner = next(
                (
                    c
                    for c in reversed(cells)
                    if c["page"] == page
                    and abs(c["x"] - seg[0].x0) < 0.5
                    and 0 < y - c["last_y"] < 1.4 * height
                ),
                None,
            )
            if owner:
                owner["words"] += [w.text for w in seg]
                owner["last_y"] = y
            else:
                cells.append(
                    {"page": page, "x": seg[0].x0, "y": y, "last_y": y, "words": [w.text for w in seg]}
                )
    rows: dict[tuple[int, float], list[dict]] = {}
    for c in cells:
        rows.setdefault((c["page"], c["y"]), []).append(c)
    return [[_join(c["words"]) for c in sorted(row, key=lambda c: c["x"])] for _, row in sorted(rows.items())]


def _join(words: list[str]) -> str:
    # a line may also break after a slash ("ông/" + "bà"): no space was there
    return re.sub(r"/ ", "/", " ".join(words))


def sheet_rows(content: bytes, name: str) -> list[tuple]:
    wb = load_workbook(BytesIO(content), read_only=True)
    return [tuple(row) for row in wb[name].iter_rows(values_only=True)]


def sheet_names(content: bytes) -> list[str]:
    return load_workbook(BytesIO(content), read_only=True).sheetnames

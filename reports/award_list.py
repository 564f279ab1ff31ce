"""The full list of a year's awards as PDF: rendered in chunks on every core, joined, numbered.

WeasyPrint is single-threaded and holds a whole document in memory, so a list of thousands of
rows is cut into chunks of ``chunk_rows`` rendered on every core (``reports.parallel``). The
chunks' HTML is produced as workers free up and the parent keeps only the finished chunk PDFs;
a worker's peak memory depends on the chunk size, not the list length.
"""

from collections.abc import Callable, Iterator

from awards.enums import AwardStatus, SubjectType

from . import pdf
from .pagenum import join_and_number
from .parallel import render_parts
from .queries import LEVEL_ORDER, awards_of

LIST_CSS = ("css/print-list.css",)
CHUNK_ROWS = 400
SUBJECT_SHORT = {SubjectType.INDIVIDUAL: "Cá nhân", SubjectType.COLLECTIVE: "Tập thể", SubjectType.HOUSEHOLD: "Hộ gia đình"}


def award_rows(year: int, scope=None, limit: int | None = None) -> Iterator[dict]:
    """The year's awards in force, state level first, as flat dicts (one query, streamed)."""
    qs = (
        awards_of(scope).filter(year=year, status=AwardStatus.IN_FORCE)
        .values_list("subject_type", "person__full_name", "unit__name", "household__head_name", "kind__name",
                     "kind__level", "kind__rank", "snapshot_unit__name", "decision_number", "decision_date", "amount")
        .order_by("kind__rank", "kind__code", "snapshot_unit__path", "id")
    )
    level_pos = {lvl: i for i, lvl in enumerate(LEVEL_ORDER)}
    if limit:
        qs = qs[:limit]
    rows = sorted(qs.iterator(chunk_size=5000), key=lambda r: (level_pos.get(r[5], 9), -r[6]))
    for i, (subject, person, unit, home, kind, _lvl, _rank, snap, number, date, amount) in enumerate(rows, start=1):
        yield {
            "stt": i, "name": person or unit or (f"Hộ {home}" if home else ""), "subject": SUBJECT_SHORT.get(subject, subject),
            "kind": kind, "unit": snap, "decision": f"{number}, {date:%d/%m/%Y}", "amount": amount,
        }


def _chunks(rows: list[dict], size: int) -> Iterator[list[dict]]:
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def _chunk_html(rows: list[dict], *, year: int, scope, first: bool, total_rows: int) -> str:
    ctx = pdf.document_context(title=f"Danh sách khen thưởng năm {year}")
    ctx.update({"rows": rows, "year": year, "scope": scope, "first": first, "total_rows": total_rows})
    return pdf.render_html("pdf/award_list.html", ctx)


def award_list_single(year: int, scope=None, *, limit: int | None = None) -> bytes:
    """Plain WeasyPrint, one process, one document (the benchmark baseline)."""
    rows = list(award_rows(year, scope, limit))
    return pdf.html_to_pdf(_chunk_html(rows, year=year, scope=scope, first=True, total_rows=len(rows)), extra_css=LIST_CSS)


@pdf.in_vietnamese
def award_list_pdf(year: int, scope=None, *, progress: Callable[[int], None] = lambda p: None,
                   chunk_rows: int = CHUNK_ROWS, workers: int | None = None, limit: int | None = None) -> bytes:
    """The list rendered in parallel chunks and joined with continuous ``Trang X/Y`` numbers."""
    rows = list(award_rows(year, scope, limit))
    progress(5)
    css = pdf.css_texts((*LIST_CSS, "css/print-nofooter.css"))
    count = max(1, -(-len(rows) // chunk_rows))
    jobs = (
        (_chunk_html(chunk, year=year, scope=scope, first=i == 0, total_rows=len(rows)), pdf.base_url(), pdf.static_roots(), css)
        for i, chunk in enumerate(_chunks(rows, chunk_rows) if rows else iter([[]]))
    )
    parts = list(render_parts(jobs, count=count, workers=workers, on_part=lambda done: progress(5 + 85 * done // count)))
    content, _pages = join_and_number(parts)
    progress(99)
    return content

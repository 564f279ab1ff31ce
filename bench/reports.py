"""Benchmarks of the report side (not tests; never fail on speed).

``run(report)`` calls ``report(name, seconds_list, baseline_seconds_list)`` for:
- the annual summary PDF (queries, charts, render) against plain WeasyPrint rendering the same HTML;
- the year's award list rendered in parallel chunks (all cores, joined and numbered with pypdf)
  against plain single-process WeasyPrint on the same rows;
- 300 certificates in one PDF against 300 times one certificate rendered alone, and the
  background path (parts on every core, joined) against that one-process PDF.
Peak memory (max RSS of this process and of the chunk workers) is printed alongside.

The year is the latest one with awards in force (the province data set grants awards up to the
year before the current one; the current year only has nominations).
"""

from __future__ import annotations

import resource
import time

REPEAT = 2


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _plain_weasyprint(html: str, css: list[str]) -> bytes:
    from weasyprint import CSS, HTML

    return HTML(string=html).write_pdf(stylesheets=[CSS(string=c) for c in css])


def _chunk_peak(job) -> int:
    from reports import pdf_engine

    pdf_engine.render_chunk(job)
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def _chunk_worker_peak_mb(year: int, rows: int) -> int:
    """Peak memory of a fresh worker rendering one default-size chunk (workers are not our children)."""
    from concurrent.futures import ProcessPoolExecutor

    from reports import award_list, parallel, pdf

    chunk = list(award_list.award_rows(year, None, rows))[: award_list.CHUNK_ROWS]
    html = award_list._chunk_html(chunk, year=year, scope=None, first=False, total_rows=rows)
    job = (html, pdf.base_url(), pdf.static_roots(), pdf.css_texts((*award_list.LIST_CSS, "css/print-nofooter.css")))
    with ProcessPoolExecutor(max_workers=1, mp_context=parallel._context()) as pool:
        return pool.submit(_chunk_peak, job).result()


def run(report, *, year: int | None = None, repeat: int = REPEAT, list_rows: int = 3000, certificates: int = 300) -> None:
    from django.db.models import Max
    from django.utils import timezone

    from awards.enums import AwardStatus
    from awards.models import Award
    from reports import official, pdf
    from reports.annual import annual_context, annual_pdf
    from reports.award_list import award_list_pdf, award_list_single
    from reports.queries import annual_summary

    year = year or Award.objects.filter(status=AwardStatus.IN_FORCE).aggregate(y=Max("year"))["y"] or timezone.localdate().year

    # 1. annual summary: the whole pipeline vs WeasyPrint alone on the same HTML
    html = pdf.render_html("pdf/annual.html", annual_context(annual_summary(year)))
    css = pdf.css_texts()
    ours = [_timed(lambda: annual_pdf(annual_summary(year))) for _ in range(repeat)]
    plain = [_timed(lambda: _plain_weasyprint(html, css)) for _ in range(repeat)]
    report(f"reports: annual summary PDF {year} (queries + charts + render)", ours, plain)

    # 2. full award list: parallel chunks vs one process, same rows
    parallel = [_timed(lambda: award_list_pdf(year, limit=list_rows)) for _ in range(repeat)]
    peak_parent = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    single = [_timed(lambda: award_list_single(year, limit=list_rows)) for _ in range(repeat)]
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    report(f"reports: award list {list_rows} rows, parallel chunks (vs single process)", parallel, single)
    print(f"reports: peak RSS: one chunk worker {_chunk_worker_peak_mb(year, list_rows)} MB; this process "
          f"{peak_parent} MB after the parallel runs, {peak_self} MB after the single-process runs")

    # 3. certificates of one decision
    awards = list(official.certificate_awards(Award.objects.filter(year=year, status=AwardStatus.IN_FORCE))[:certificates])
    official.certificates_pdf(awards[:1])  # first render of the process: fonts, parsed CSS
    one = [_timed(lambda: official.certificates_pdf(awards[:1])) * len(awards) for _ in range(repeat)]
    many = [_timed(lambda: official.certificates_pdf(awards)) for _ in range(repeat)]
    report(f"reports: {len(awards)} certificates in one PDF, one process (vs {len(awards)} × one alone)", many, one)
    parts = [_timed(lambda: official.certificates_pdf_parallel(awards)) for _ in range(repeat)]
    report(f"reports: {len(awards)} certificates in parts on every core (vs one process)", parts, many)

"""Django templates → PDF: administrative-document context, print CSS, the local-only fetcher.

Every document is rendered from a template under ``templates/pdf/`` with autoescaping on, so
nothing a user typed reaches WeasyPrint as markup. Text is NFC-normalised before layout.
"""

import datetime
import functools
from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation

from . import pdf_engine

STATIC_DIR = Path(settings.BASE_DIR) / "static"
PRINT_CSS = ("css/print.css",)


def static_roots() -> list[str]:
    return [str(STATIC_DIR)]


def base_url() -> str:
    return STATIC_DIR.as_uri() + "/"


def place_date_line(date: datetime.date | None = None) -> str:
    """``Demo, ngày 02 tháng 12 năm 2026`` (Decree 30/2020 Appendix I: day and month < 10 padded)."""
    date = date or timezone.localdate()
    return f"{settings.PROVINCE_PLACE}, ngày {date:%d} tháng {date:%m} năm {date:%Y}"


def document_context(*, issuer: str = "", issuer_parent: str = "", number: str = "",
                     date: datetime.date | None = None, title: str = "") -> dict:
    """The header every administrative document carries (national motto, issuer, number, place, date)."""
    return {
        "doc": {
            "issuer_parent": issuer_parent,
            "issuer": issuer or f"ỦY BAN NHÂN DÂN\n{settings.PROVINCE_NAME.upper()}",
            "number": number,
            "place_date": place_date_line(date),
            "title": title,
            "province_name": settings.PROVINCE_NAME,
            # inside a sentence: "Ủy ban nhân dân tỉnh Demo" (only the first letter drops to lower case)
            "province_in_text": settings.PROVINCE_NAME[:1].lower() + settings.PROVINCE_NAME[1:],
            "province_place": settings.PROVINCE_PLACE,
        }
    }


def css_texts(extra: tuple[str, ...] = ()) -> list[str]:
    return [(STATIC_DIR / name).read_text(encoding="utf-8") for name in (*PRINT_CSS, *extra)]


def in_vietnamese(build):
    """Documents are official papers: built in Vietnamese whatever language the reader's UI is in
    (the labels a builder computes, and the lazy ones its template renders)."""

    @functools.wraps(build)
    def wrapper(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return build(*args, **kwargs)

    return wrapper


def render_html(template: str, context: dict) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(template, context)


def html_to_pdf(html: str, *, extra_css: tuple[str, ...] = ()) -> bytes:
    return pdf_engine.html_to_pdf(html, base_url=base_url(), roots=static_roots(), css_texts=css_texts(extra_css))


def render_pdf(template: str, context: dict, *, extra_css: tuple[str, ...] = ()) -> bytes:
    """Render ``template`` with ``context`` to PDF bytes (print.css plus ``extra_css``)."""
    return html_to_pdf(render_html(template, context), extra_css=extra_css)

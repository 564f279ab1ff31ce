"""What each document kind renders: (kind, format, params) → (file name, bytes).

Used by the background task and by ``build_report``; ``progress(percent)`` reports how far it got.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError

from .enums import DocumentFormat, DocumentKind
from .pdf import in_vietnamese

Progress = Callable[[int], None]


def _noop(_pct: int) -> None:
    return None


@in_vietnamese
def build_annual(*, year: int, fmt: str, scope=None, progress: Progress = _noop) -> tuple[str, bytes]:
    from .annual import annual_pdf, annual_xlsx
    from .queries import annual_summary

    summary = annual_summary(year, scope=scope)
    progress(30)
    suffix = f"-{scope.code}" if scope else ""
    if fmt == DocumentFormat.XLSX:
        return f"tong-hop-khen-thuong-{year}{suffix}.xlsx", annual_xlsx(summary)
    return f"bao-cao-khen-thuong-{year}{suffix}.pdf", annual_pdf(summary)


@in_vietnamese
def build_award_list(*, year: int, scope=None, progress: Progress = _noop) -> tuple[str, bytes]:
    from .award_list import award_list_pdf

    suffix = f"-{scope.code}" if scope else ""
    return f"danh-sach-khen-thuong-{year}{suffix}.pdf", award_list_pdf(year, scope=scope, progress=progress)


@in_vietnamese
def build_campaign(*, code: str, fmt: str, progress: Progress = _noop) -> tuple[str, bytes]:
    from .campaign import campaign_report

    return campaign_report(code, fmt=fmt, progress=progress)


@in_vietnamese
def build_certificates(*, decision: str, layout: str, progress: Progress = _noop) -> tuple[str, bytes]:
    """Every certificate of a decision (by its UUID), rendered in parts on every core."""
    from awards.models.decisions import Decision

    from .official import certificates_pdf_parallel, decision_awards

    decision = Decision.objects.get(uuid=decision)
    awards = list(decision_awards(decision))
    progress(3)
    content = certificates_pdf_parallel(awards, layout=layout, progress=progress)
    return f"bang-khen-{decision.year}-{decision.pk}-{layout}.pdf", content


@in_vietnamese
def build(document, *, progress: Progress = _noop) -> tuple[str, bytes]:
    params = document.params or {}
    if document.kind == DocumentKind.ANNUAL:
        return build_annual(year=int(params["year"]), fmt=document.format, scope=document.scope_unit, progress=progress)
    if document.kind == DocumentKind.AWARD_LIST:
        return build_award_list(year=int(params["year"]), scope=document.scope_unit, progress=progress)
    if document.kind == DocumentKind.CAMPAIGN:
        return build_campaign(code=params["campaign"], fmt=document.format, progress=progress)
    if document.kind == DocumentKind.CERTIFICATES:
        return build_certificates(decision=params["decision"], layout=params.get("layout", "designed"), progress=progress)
    raise ValidationError(f"Không có mẫu văn bản cho loại “{document.kind}”.")

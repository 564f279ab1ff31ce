"""The campaign report: the campaign, its awards (from the register) and, when the campaigns app
offers them, its targets, participation and registrations (``campaigns.queries.campaign_summary``)."""

from io import BytesIO

from django.core.exceptions import ValidationError
from django.db.models import Count, Q, Sum
from openpyxl import Workbook
from openpyxl.styles import Font

from awards.enums import AwardStatus, SubjectType
from awards.models import Award
from campaigns.models import Campaign

from . import pdf
from .enums import DocumentFormat


def _campaign_summary(campaign) -> dict | None:
    try:
        from campaigns.queries import campaign_summary
    except ImportError:
        return None
    return campaign_summary(campaign)


def campaign_figures(campaign: Campaign) -> dict:
    awards = Award.objects.filter(campaign=campaign, status=AwardStatus.IN_FORCE)
    by_kind = list(
        awards.values("kind__code", "kind__name")
        .annotate(
            collective=Count("id", filter=Q(subject_type=SubjectType.COLLECTIVE)),
            individual=Count("id", filter=Q(subject_type=SubjectType.INDIVIDUAL)),
            household=Count("id", filter=Q(subject_type=SubjectType.HOUSEHOLD)),
            total=Count("id"), amount=Sum("amount"),
        )
        .order_by("-kind__rank", "kind__code")
    )
    totals = {k: sum(r[k] or 0 for r in by_kind) for k in ("collective", "individual", "household", "total", "amount")}
    return {"campaign": campaign, "by_kind": by_kind, "totals": totals, "summary": _campaign_summary(campaign),
            "targets": list(campaign.targets.order_by("order", "pk")) if hasattr(campaign, "targets") else []}


def campaign_report(code: str, *, fmt: str, progress=lambda p: None) -> tuple[str, bytes]:
    campaign = Campaign.objects.filter(code=code).first()
    if campaign is None:
        raise ValidationError(f"Không có phong trào mã “{code}”.")
    figures = campaign_figures(campaign)
    progress(40)
    if fmt == DocumentFormat.XLSX:
        wb = Workbook()
        ws = wb.active
        ws.title = "Khen thưởng"
        ws.append(["Mã khen thưởng", "Hình thức / danh hiệu", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng", "Số tiền"])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for r in figures["by_kind"]:
            ws.append([r["kind__code"], r["kind__name"], r["collective"], r["individual"], r["household"], r["total"], r["amount"] or 0])
        out = BytesIO()
        wb.save(out)
        return f"phong-trao-{campaign.code}.xlsx", out.getvalue()
    ctx = pdf.document_context(title=f"Báo cáo phong trào {campaign.name}")
    ctx.update(figures)
    return f"phong-trao-{campaign.code}.pdf", pdf.render_pdf("pdf/campaign.html", ctx)

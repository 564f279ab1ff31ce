"""The annual summary as charts, PDF and XLSX, all from one ``AnnualSummary`` (same figures)."""

from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from . import charts, pdf
from .queries import AnnualSummary

SUMMARY_HEADER = ["Mã khen thưởng", "Hình thức / danh hiệu", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng", "Số tiền"]
SHARES_HEADER = ["Chỉ số", "Số lượng", "Trên tổng", "Tỷ lệ (%)"]


def annual_charts(s: AnnualSummary) -> dict:
    return {
        "levels": charts.bar_chart(
            [(lvl["label"], lvl["total"]) for lvl in s.by_level], title=_("Số lượt khen thưởng theo cấp"),
        ),
        "subjects": charts.pie_chart(s.by_subject, title=_("Cơ cấu theo đối tượng")),
        "units": charts.stacked_bar_chart(
            [(u["name"], [u["collective"], u["individual"], u["household"]]) for u in s.by_unit[:12]],
            [_("Tập thể"), _("Cá nhân"), _("Hộ gia đình")], title=_("Khen thưởng theo đơn vị"),
        ),
        "shares": charts.bar_chart(
            [(sh.label, float(sh.pct or 0)) for sh in s.shares], title=_("Các chỉ số (%)"), label_width=230,
            color=charts.PALETTE[1], unit="%",
        ),
    }


def annual_context(s: AnnualSummary) -> dict:
    title = f"Báo cáo tổng hợp kết quả khen thưởng năm {s.year}"
    ctx = pdf.document_context(title=title)
    ctx.update({"s": s, "charts": annual_charts(s), "title": title})
    return ctx


@pdf.in_vietnamese
def annual_pdf(s: AnnualSummary) -> bytes:
    return pdf.render_pdf("pdf/annual.html", annual_context(s))


def _header(ws, names: list[str], widths: list[int]) -> None:
    ws.append(names)
    for i, width in enumerate(widths, start=1):
        cell = ws.cell(row=1, column=i)
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="F0F0F0")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


def _money_format(ws, columns: list[int]) -> None:
    for col in columns:
        for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
            cell.number_format = "#,##0"


@pdf.in_vietnamese
def annual_xlsx(s: AnnualSummary) -> bytes:
    """CONTRACTS §7: sheet ``Tổng hợp`` (one row per award code) and sheet ``Chỉ số`` first."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Tổng hợp"
    _header(ws, SUMMARY_HEADER, [16, 60, 10, 10, 12, 10, 18])
    for k in s.by_kind:
        ws.append([k["code"], k["name"], k["collective"], k["individual"], k["household"], k["total"], k["amount"]])
    _money_format(ws, [7])

    ws = wb.create_sheet("Chỉ số")
    _header(ws, SHARES_HEADER, [40, 12, 12, 12])
    for sh in s.shares:
        ws.append([sh.label, sh.count, sh.base, float(sh.pct) if sh.pct is not None else None])

    ws = wb.create_sheet("Theo cấp")
    _header(ws, ["Cấp", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng", "Số tiền"], [20, 10, 10, 12, 10, 18])
    for lvl in s.by_level:
        ws.append([lvl["label"], lvl["collective"], lvl["individual"], lvl["household"], lvl["total"], lvl["amount"]])
    _money_format(ws, [6])

    ws = wb.create_sheet("Theo đơn vị")
    _header(ws, ["Mã đơn vị", "Tên đơn vị", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng", "Số tiền"], [16, 50, 10, 10, 12, 10, 18])
    for u in s.by_unit:
        ws.append([u["code"], u["name"], u["collective"], u["individual"], u["household"], u["total"], u["amount"]])
    _money_format(ws, [7])

    if s.by_bloc:
        ws = wb.create_sheet("Theo khối")
        _header(ws, ["Mã khối", "Tên khối", "Tổng", "Số tiền"], [16, 50, 10, 18])
        for b in s.by_bloc:
            ws.append([b["code"], b["name"], b["total"], b["amount"]])
        _money_format(ws, [4])

    ws = wb.create_sheet("Theo phong trào")
    _header(ws, ["Mã phong trào", "Tên phong trào", "Tập thể", "Cá nhân", "Hộ gia đình", "Tổng", "Số tiền"], [16, 50, 10, 10, 12, 10, 18])
    for c in s.by_campaign:
        ws.append([c["code"], c["name"], c["collective"], c["individual"], c["household"], c["total"], c["amount"]])
    _money_format(ws, [7])

    ws = wb.create_sheet("So sánh năm trước")
    _header(ws, ["Mã khen thưởng", "Hình thức / danh hiệu", f"Năm {s.year - 1}", f"Năm {s.year}", "Tăng/giảm"], [16, 60, 12, 12, 12])
    for k in s.by_kind:
        ws.append([k["code"], k["name"], k["previous_total"], k["total"], k["change"]])
    for p in s.previous["kinds"]:
        ws.append([p["code"], p["name"], p["total"], 0, -p["total"]])

    ws = wb.create_sheet("Đã hủy bỏ")
    _header(ws, ["Mã khen thưởng", "Đối tượng", "Năm", "Số quyết định", "Số QĐ hủy bỏ", "Ngày hủy bỏ", "Lý do"], [16, 40, 8, 18, 18, 14, 40])
    for a in s.revoked:
        ws.append([a.kind.code, str(a.recipient), a.year, a.decision_number, a.revoked_decision_number,
                   a.revoked_date.strftime("%d/%m/%Y") if a.revoked_date else "", a.revoked_reason])

    out = BytesIO()
    wb.save(out)
    return out.getvalue()

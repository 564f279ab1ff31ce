"""Official documents from the workflow records: decision with annex, certificates, council
minutes (biên bản) and the cover letter (tờ trình) forwarding state-level lines to the Ministry.

Each ``*_context`` loads what its template needs in a fixed number of queries.
"""

from collections import Counter

from django.conf import settings
from django.db.models import Prefetch

from awards.enums import SubjectType
from awards.models import Award
from awards.models.council import AgendaItem, Meeting
from awards.models.decisions import Decision, Forwarding
from awards.models.workflow import NominationLine

from . import pdf

DEFAULT_LEGAL_BASIS = [
    "Căn cứ Luật Tổ chức chính quyền địa phương;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết thi hành Luật Thi đua, khen thưởng;",
]
GROUPS = [(SubjectType.COLLECTIVE, "Tập thể"), (SubjectType.INDIVIDUAL, "Cá nhân"), (SubjectType.HOUSEHOLD, "Hộ gia đình")]
CERTIFICATE_CSS = ("css/print-certificate.css",)
# A decision with more certificates than this renders in the background (reports.tasks), in parts.
CERTIFICATES_IN_REQUEST = 40
CERTIFICATES_PER_PART = 25


def recipient_name(line) -> str:
    if line.person_id:
        return line.person.full_name
    if line.unit_id:
        return line.unit.name
    return f"Hộ ông/bà {line.household.head_name}" if line.household_id else ""


def recipient_unit(line) -> str:
    if line.person_id:
        return line.person.unit.name
    if line.unit_id:
        return line.unit.parent.name if line.unit.parent_id else ""
    return line.household.unit.name if line.household_id else ""


def _lines(qs):
    return qs.select_related(
        "kind", "person__unit", "unit__parent", "household__unit", "award", "dossier__unit",
    ).order_by("kind__rank", "id")


def signer_block(title: str, name: str, authority: str = "CHỦ TỊCH") -> dict:
    """``KT. CHỦ TỊCH / PHÓ CHỦ TỊCH`` when a deputy signs on behalf (Decree 30/2020 Art 13)."""
    title = (title or authority).strip()
    deputy = title.upper().startswith("PHÓ")
    return {"on_behalf": f"KT. {authority}" if deputy else "", "role": title.upper(), "name": name}


def issuer_lines(issuer: str) -> str:
    if not issuer or issuer.strip().upper() in {"UBND TỈNH", "ỦY BAN NHÂN DÂN TỈNH"}:
        return f"ỦY BAN NHÂN DÂN\n{settings.PROVINCE_NAME.upper()}"
    return issuer.upper()


def decision_context(decision: Decision) -> dict:
    lines = list(_lines(NominationLine.objects.filter(decision=decision)))
    groups = []
    for subject, label in GROUPS:
        rows = [line for line in lines if line.subject_type == subject]
        if rows:
            groups.append({"label": label, "rows": rows, "amount": sum((r.award.amount or 0) if r.award_id else 0 for r in rows)})
    counts = Counter(line.subject_type for line in lines)
    kinds = list(dict.fromkeys(line.kind.name for line in lines))
    basis = [b.strip() for b in decision.legal_basis.splitlines() if b.strip()] or DEFAULT_LEGAL_BASIS
    ctx = pdf.document_context(issuer=issuer_lines(decision.issuer), number=decision.number, date=decision.date,
                               title=decision.title)
    ctx.update({
        "decision": decision, "groups": groups, "kinds": kinds, "basis": basis,
        "counts": {"collective": counts[SubjectType.COLLECTIVE], "individual": counts[SubjectType.INDIVIDUAL],
                   "household": counts[SubjectType.HOUSEHOLD]},
        "total_amount": sum(g["amount"] for g in groups),
        "sign": signer_block(decision.signer_title, decision.signer),
        "authority": f"CHỦ TỊCH ỦY BAN NHÂN DÂN {settings.PROVINCE_NAME.upper()}",
        "recipients": ["Như Điều 3;", "Chủ tịch, các Phó Chủ tịch UBND tỉnh;", "Lưu: VT, SNV."],
    })
    return ctx


@pdf.in_vietnamese
def decision_pdf(decision: Decision) -> bytes:
    return pdf.render_pdf("pdf/decision.html", decision_context(decision))


# --- certificates ---------------------------------------------------------------------------------

def certificate_items(awards) -> list[dict]:
    items = []
    for award in awards:
        line = getattr(award, "nomination", None)
        items.append({
            "award": award, "title": "GIẤY KHEN" if award.kind.code == "GK" else "BẰNG KHEN",
            "name": _award_name(award), "unit": _award_unit(award),
            "achievement": (line.achievement_summary if line else "") or "Đã có thành tích xuất sắc trong công tác năm "
            f"{award.year}.",
            "number": award.decision_number, "place_date": pdf.place_date_line(award.decision_date),
            "signer": award.signer, "issuer": award.issuer,
            # the title the decision was signed with: a deputy signs "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"
            "sign": signer_block(line.decision.signer_title if line and line.decision_id else "", award.signer),
        })
    return items


def _award_name(award) -> str:
    if award.person_id:
        return award.person.full_name
    if award.unit_id:
        return award.unit.name
    return f"Hộ ông/bà {award.household.head_name}"


def _award_unit(award) -> str:
    if award.person_id:
        return award.snapshot_unit.name
    if award.unit_id:
        return award.unit.parent.name if award.unit.parent_id else ""
    return award.snapshot_unit.name


def certificate_awards(qs):
    return qs.select_related("kind", "person", "unit__parent", "household", "snapshot_unit").prefetch_related(
        Prefetch("nomination", queryset=NominationLine.objects.select_related("decision").only(
            "id", "award_id", "achievement_summary", "decision_id", "decision__signer_title"))
    ).order_by("kind__rank", "id")


def decision_awards(decision: Decision):
    return certificate_awards(Award.objects.filter(nomination__decision=decision))


def certificates_context(awards, *, layout: str = "designed") -> dict:
    from .certificate_layout import positions

    ctx = pdf.document_context()
    ctx.update({
        "items": certificate_items(awards), "layout": layout,
        "authority": f"CHỦ TỊCH ỦY BAN NHÂN DÂN {settings.PROVINCE_NAME.upper()}",
        "positions": positions() if layout == "blank" else None,
    })
    return ctx


@pdf.in_vietnamese
def certificates_html(awards, *, layout: str = "designed") -> str:
    return pdf.render_html("pdf/certificates.html", certificates_context(awards, layout=layout))


def _certificate_css(layout: str) -> list[str]:
    from .certificate_layout import position_css

    css = [*pdf.css_texts(), *pdf.css_texts(CERTIFICATE_CSS)]
    return [*css, position_css()] if layout == "blank" else css


@pdf.in_vietnamese
def certificates_pdf(awards, *, layout: str = "designed") -> bytes:
    """One document, rendered in this process (one certificate in a request, small decisions)."""
    from . import pdf_engine

    html = certificates_html(awards, layout=layout)
    return pdf_engine.html_to_pdf(html, base_url=pdf.base_url(), roots=pdf.static_roots(), css_texts=_certificate_css(layout))


def certificates_pdf_parallel(awards, *, layout: str = "designed", per_part: int = CERTIFICATES_PER_PART,
                              workers: int | None = None, progress=lambda pct: None) -> bytes:
    """Certificates of a large decision: parts of ``per_part`` rendered on every core, then joined.

    Each certificate is one page with no page number, so parts join as they are. The context is
    built once (one query set, positions read once); only the items differ between parts.
    """
    from .pagenum import join
    from .parallel import render_parts

    ctx = certificates_context(awards, layout=layout)
    items = ctx.pop("items")
    css = _certificate_css(layout)
    count = max(1, -(-len(items) // per_part))
    jobs = (
        (pdf.render_html("pdf/certificates.html", {**ctx, "items": items[i:i + per_part]}), pdf.base_url(),
         pdf.static_roots(), css)
        for i in range(0, max(1, len(items)), per_part)
    )
    progress(5)
    parts = list(render_parts(jobs, count=count, workers=workers, on_part=lambda done: progress(5 + 90 * done // count)))
    return join(parts)


# --- council minutes and cover letter ---------------------------------------------------------------

def minutes_context(meeting: Meeting) -> dict:
    items = list(
        AgendaItem.objects.filter(meeting=meeting)
        .select_related("line__kind", "line__person__unit", "line__unit__parent", "line__household__unit")
        .order_by("order", "id")
    )
    seats = list(meeting.seats.select_related("user").order_by("user__full_name"))
    ctx = pdf.document_context(issuer=f"HỘI ĐỒNG THI ĐUA,\nKHEN THƯỞNG {settings.PROVINCE_NAME.upper()}",
                               date=meeting.date, title=meeting.title)
    ctx.update({
        "meeting": meeting, "items": [{"item": i, "name": recipient_name(i.line), "unit": recipient_unit(i.line)} for i in items],
        "present": [s for s in seats if s.present], "absent": [s for s in seats if not s.present],
        "recipients": ["Thành viên Hội đồng;", "Lưu: SNV."],
        "sign": signer_block("CHỦ TỊCH HỘI ĐỒNG", meeting.chair.display_name if meeting.chair_id else "", "CHỦ TỊCH HỘI ĐỒNG"),
        "passed": sum(1 for i in items if i.result == "passed"), "failed": sum(1 for i in items if i.result == "failed"),
    })
    return ctx


@pdf.in_vietnamese
def minutes_pdf(meeting: Meeting) -> bytes:
    return pdf.render_pdf("pdf/minutes.html", minutes_context(meeting))


def cover_letter_context(forwarding: Forwarding) -> dict:
    lines = list(_lines(NominationLine.objects.filter(forwarding=forwarding)))
    groups = [{"label": label, "rows": [ln for ln in lines if ln.subject_type == subject]} for subject, label in GROUPS]
    ctx = pdf.document_context(issuer=issuer_lines(""), number=forwarding.number, date=forwarding.date, title=forwarding.title)
    ctx.update({
        "forwarding": forwarding, "groups": [g for g in groups if g["rows"]], "lines": lines,
        "kinds": list(dict.fromkeys(ln.kind.name for ln in lines)),
        "sign": signer_block("CHỦ TỊCH", ""),
        "recipients": ["Như trên;", "Lưu: VT, SNV."],
    })
    return ctx


@pdf.in_vietnamese
def cover_letter_pdf(forwarding: Forwarding) -> bytes:
    return pdf.render_pdf("pdf/cover_letter.html", cover_letter_context(forwarding))

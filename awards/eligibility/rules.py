"""The eligibility rules: pure functions over a ``SubjectHistory``, an assessment year and the
province parameters. Each rule has a code, the article it comes from, the years it is in force and
a Vietnamese explanation for pass and fail; a failing rule may say what would make it pass this
year (``remedy``), which the pages use for "what is missing for the next title".

How this project reads the law (../shared/domain/law-fact-sheet.md §1, §2.4, §2.7, §8):
- years that earned an award of a kind are not counted again for the same kind (the count
  restarts the year after it); an initiative backs at most one award ever;
- results of one-off (đột xuất) and thematic (chuyên đề) awards do not count (Law Art 5);
- a pending review/investigation/complaint, or a discipline whose period overlaps the year,
  blocks every award for that year; years up to the end of a discipline do not count toward
  multi-year conditions (Decree 98/2023 Art 4, carried into Decree 152/2025 Art 4).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..enums import (
    DISCIPLINE_SEVERITY,
    GOOD_OR_BETTER,
    SCOPE_RANK,
    DisciplineForm,
    Grade,
    InitiativeScope,
    SubjectType,
)
from .history import InitiativeRow, SubjectHistory
from .i18n import _
from .params import RULE_PERIODS, RULES_DISABLED, TTLDTT_SHARE

LAW_FROM = 2024  # Law 06/2022/QH15 in force 1 Jan 2024

KIND_LABELS = {
    "LDTT": "LĐTT", "CSTD_CS": "CSTĐ cơ sở", "CSTD_TINH": "CSTĐ tỉnh", "CSTD_TQ": "CSTĐ toàn quốc",
    "BK_TINH": "Bằng khen tỉnh", "BK_TTG": "Bằng khen Thủ tướng", "HC_LD_3": "Huân chương Lao động hạng Ba",
    "TTLDTT": "Tập thể lao động tiên tiến", "TTLDXS": "Tập thể lao động xuất sắc", "CO_TINH": "Cờ thi đua tỉnh",
}
SCOPE_LABELS = {InitiativeScope.CO_SO: "cấp cơ sở", InitiativeScope.TINH: "cấp tỉnh", InitiativeScope.TOAN_QUOC: "toàn quốc"}


def label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind)


def years_text(years) -> str:
    return ", ".join(str(y) for y in years)


class Outcome(NamedTuple):
    """One rule's answer. A named tuple, not a frozen dataclass: a province scan builds millions."""

    passed: bool
    detail: str
    remedy: str = ""  # what would make it pass in the assessed year; "" when nothing can


@dataclass(frozen=True)
class Rule:
    code: str
    kind: str
    subject_type: str
    article: str
    check: Callable[[SubjectHistory, int, dict[str, Any]], Outcome]
    valid_from: int | None = LAW_FROM
    valid_to: int | None = None
    blocking: bool = False  # holds, discipline, same-year reuse: apply to every kind

    def in_force(self, year: int, params: dict[str, Any]) -> bool:
        if self.code in (params.get(RULES_DISABLED) or []):
            return False
        start, end = (params.get(RULE_PERIODS) or {}).get(self.code, (self.valid_from, self.valid_to))
        return (start is None or year >= start) and (end is None or year <= end)


# --- shared helpers -----------------------------------------------------------------------------

def good(grade: str | None) -> bool:
    return grade in GOOD_OR_BETTER


def grade_at_least(grade: str | None, minimum: str) -> bool:
    order = [Grade.HTXSNV, Grade.HTTNV, Grade.HTNV, Grade.KHTNV]
    return grade in order and order.index(grade) <= order.index(minimum)


def discipline_floor(h: SubjectHistory, year: int) -> int | None:
    """The last year under a discipline (not a hold) that started by ``year``; years up to it do not count."""
    ends = [(d.end.year if d.end else year) for d in h.disciplines if not d.is_hold and d.start.year <= year]
    return max(ends) if ends else None


def count_floor(h: SubjectHistory, kind: str, year: int) -> tuple[int | None, str]:
    """The last year that cannot count toward ``kind`` for ``year``, and why (reuse or discipline)."""
    last = h.last_award_year(kind, before=year)
    disc = discipline_floor(h, year - 1)
    if disc is not None and (last is None or disc > last):
        return disc, _("năm %(y)s còn trong thời gian kỷ luật") % {"y": disc}
    if last is not None:
        return last, _("các năm đến %(y)s đã được tính cho %(kind)s năm %(y)s") % {"y": last, "kind": label(kind)}
    return None, ""


def unused_initiatives(h: SubjectHistory, *, min_scope: str, first: int, last: int) -> list[InitiativeRow]:
    rank = SCOPE_RANK[min_scope]
    return [i for i in h.initiatives if not i.used and first <= i.year <= last and SCOPE_RANK.get(i.scope, 0) >= rank]


def initiative_codes(rows) -> str:
    return ", ".join(f"{i.code} ({i.year})" for i in rows)


# --- rules for every kind -------------------------------------------------------------------------

def check_hold(h: SubjectHistory, year: int, params) -> Outcome:
    holds = [d for d in h.disciplines if d.is_hold and (d.end is None or d.overlaps(year))]
    if holds:
        d = holds[0]
        return Outcome(False, _("đang xem xét, thanh tra, điều tra hoặc khiếu nại (từ %(d)s): chưa xét khen thưởng năm %(y)s")
                       % {"d": d.start.strftime("%d/%m/%Y"), "y": year})
    return Outcome(True, _("không đang bị xem xét, thanh tra, điều tra, khiếu nại"))


def check_discipline(h: SubjectHistory, year: int, params) -> Outcome:
    hits = [d for d in h.disciplines if not d.is_hold and d.overlaps(year)]
    if hits:
        d = max(hits, key=lambda d: DISCIPLINE_SEVERITY.get(d.form, 0))
        end = d.end.strftime("%d/%m/%Y") if d.end else _("chưa hết")
        return Outcome(False, _("bị kỷ luật %(form)s (%(start)s–%(end)s), trùng năm %(y)s")
                       % {"form": DisciplineForm(d.form).label.lower(), "start": d.start.strftime("%d/%m/%Y"), "end": end, "y": year})
    return Outcome(True, _("không bị kỷ luật trong năm %(y)s") % {"y": year})


def same_year(kind: str):
    def check(h: SubjectHistory, year: int, params) -> Outcome:
        if h.has_award(kind, year, merit_only=False):
            return Outcome(False, _("đã được tặng %(kind)s năm %(y)s") % {"kind": label(kind), "y": year})
        return Outcome(True, _("chưa được tặng %(kind)s năm %(y)s") % {"kind": label(kind), "y": year})
    return check


# --- individual titles ----------------------------------------------------------------------------

def check_ldtt_rating(h: SubjectHistory, year: int, params) -> Outcome:
    grade = h.grade(year)
    if good(grade):
        return Outcome(True, _("xếp loại %(g)s năm %(y)s") % {"g": grade, "y": year})
    if grade is None:
        return Outcome(False, _("chưa có xếp loại năm %(y)s") % {"y": year},
                       _("được đánh giá HTTNV trở lên năm %(y)s") % {"y": year})
    return Outcome(False, _("xếp loại %(g)s năm %(y)s (cần HTTNV trở lên)") % {"g": grade, "y": year})


def check_cstd_cs_merit(h: SubjectHistory, year: int, params) -> Outcome:
    grade = h.grade(year)
    if grade == Grade.HTXSNV:
        return Outcome(True, _("hoàn thành xuất sắc nhiệm vụ năm %(y)s") % {"y": year})
    found = unused_initiatives(h, min_scope=InitiativeScope.CO_SO, first=year, last=year)
    if found:
        return Outcome(True, _("có sáng kiến được công nhận năm %(y)s chưa sử dụng: %(codes)s") % {"y": year, "codes": initiative_codes(found)})
    remedy = "" if grade is not None else _("được đánh giá HTXSNV năm %(y)s") % {"y": year}
    remedy = _("có sáng kiến cấp cơ sở năm %(y)s") % {"y": year} if not remedy else remedy + _(" hoặc có sáng kiến cấp cơ sở năm %(y)s") % {"y": year}
    return Outcome(False, _("chưa hoàn thành xuất sắc nhiệm vụ năm %(y)s và không có sáng kiến chưa sử dụng được công nhận năm %(y)s") % {"y": year}, remedy)


def check_cstd_tinh_three(h: SubjectHistory, year: int, params) -> Outcome:
    window = [year - 2, year - 1, year]
    floor, why = count_floor(h, "CSTD_TINH", year)
    if floor is not None and floor >= window[0]:
        return Outcome(False, _("chưa đủ 3 năm CSTĐ cơ sở liên tục %(a)s–%(b)s: %(why)s, tính lại từ năm %(n)s")
                       % {"a": window[0], "b": year, "why": why, "n": floor + 1})
    missing = [y for y in window if not h.has_award("CSTD_CS", y)]
    if not missing:
        return Outcome(True, _("đạt CSTĐ cơ sở 3 năm liên tục %(a)s–%(b)s") % {"a": window[0], "b": year})
    remedy = _("đạt CSTĐ cơ sở năm %(y)s") % {"y": year} if missing == [year] else ""
    return Outcome(False, _("thiếu CSTĐ cơ sở năm %(years)s") % {"years": years_text(missing)}, remedy)


def check_cstd_tinh_initiative(h: SubjectHistory, year: int, params) -> Outcome:
    floor = discipline_floor(h, year - 1) or 0
    first = max(year - 2, floor + 1)
    found = unused_initiatives(h, min_scope=InitiativeScope.TINH, first=first, last=year)
    if found:
        return Outcome(True, _("có sáng kiến cấp tỉnh trở lên chưa sử dụng: %(codes)s") % {"codes": initiative_codes(found)})
    used = [i for i in h.initiatives if i.used and first <= i.year <= year and SCOPE_RANK.get(i.scope, 0) >= 2]
    detail = _("không có sáng kiến cấp tỉnh trở lên chưa sử dụng được công nhận trong %(a)s–%(b)s") % {"a": first, "b": year}
    if used:
        detail += _(" (%(codes)s đã dùng cho khen thưởng khác)") % {"codes": ", ".join(f"{i.code}: {i.used_by}" for i in used)}
    return Outcome(False, detail, _("có sáng kiến cấp tỉnh"))


def check_bk_tinh_route_d(h: SubjectHistory, year: int, params) -> Outcome:
    window = [year - 1, year]
    floor, why = count_floor(h, "BK_TINH", year)
    if floor is not None and floor >= window[0]:
        return Outcome(False, _("chưa đủ 2 năm liên tục %(a)s–%(b)s: %(why)s, tính lại từ năm %(n)s")
                       % {"a": window[0], "b": year, "why": why, "n": floor + 1})
    missing_cs = [y for y in window if not h.has_award("CSTD_CS", y)]
    if not missing_cs:
        return Outcome(True, _("đạt CSTĐ cơ sở 2 năm liên tục %(a)s–%(b)s") % {"a": year - 1, "b": year})
    not_excellent = [y for y in window if h.grade(y) != Grade.HTXSNV]
    found = unused_initiatives(h, min_scope=InitiativeScope.CO_SO, first=year - 1, last=year)
    if not not_excellent and len(found) >= 2:
        return Outcome(True, _("hoàn thành xuất sắc nhiệm vụ %(a)s–%(b)s và có 2 sáng kiến chưa sử dụng: %(codes)s")
                       % {"a": year - 1, "b": year, "codes": initiative_codes(found)})
    detail = _("thiếu CSTĐ cơ sở năm %(years)s; và chưa có 2 năm HTXSNV %(a)s–%(b)s với 2 sáng kiến chưa sử dụng (có %(n)s sáng kiến%(ne)s)") % {
        "years": years_text(missing_cs), "a": year - 1, "b": year, "n": len(found),
        "ne": (_("; chưa HTXSNV năm %(y)s") % {"y": years_text(not_excellent)}) if not_excellent else "",
    }
    remedies = []
    if missing_cs == [year]:
        remedies.append(_("đạt CSTĐ cơ sở năm %(y)s") % {"y": year})
    if h.grade(year - 1) == Grade.HTXSNV and h.grade(year) in (None, Grade.HTXSNV):
        need = []
        if h.grade(year) is None:
            need.append(_("được đánh giá HTXSNV năm %(y)s") % {"y": year})
        if len(found) < 2:
            need.append(_("có thêm %(n)s sáng kiến cấp cơ sở chưa sử dụng") % {"n": 2 - len(found)})
        remedies.append(_(" và ").join(need))
    return Outcome(False, detail, _(" hoặc ").join(r for r in remedies if r))


@dataclass(frozen=True)
class RouteWindow:
    """The window of a "prior award, then ≥5 good years with 3 CSTĐ cơ sở" route (Art 73(1)(b), Art 44(1)(e))."""

    prior_year: int | None
    floor_why: str
    years_ok: bool
    years_detail: str
    years_remedy: str
    cs_years: tuple[int, ...]
    excellent_years: tuple[int, ...]


def route_window(h: SubjectHistory, year: int, *, prior: str, own: str, min_years: int = 5) -> RouteWindow:
    key = ("route", prior, own, year)
    if key in h._memo:
        return h._memo[key]
    floor, why = count_floor(h, own, year)
    candidates = [y for y in h.award_years(prior) if y < year and (floor is None or y >= floor)]
    best = None
    for y0 in candidates:
        span = list(range(y0 + 1, year + 1))
        bad = [y for y in span if not good(h.grade(y))]
        cs = tuple(y for y in span if h.has_award("CSTD_CS", y))
        exc = tuple(y for y in span if h.grade(y) == Grade.HTXSNV)
        fails = (len(span) < min_years) + bool(bad) + (len(cs) < 3)
        score = (fails, -y0)
        if best is None or score < best[0]:
            best = (score, y0, span, bad, cs, exc)
    if best is None:
        result = RouteWindow(None, why, False, "", "", (), ())
    else:
        _score, y0, span, bad, cs, exc = best
        names = {"kind": label(prior), "y0": y0, "n": min_years}
        if len(span) >= min_years and not bad:
            detail = _("%(count)s năm liên tục hoàn thành tốt nhiệm vụ trở lên (%(a)s–%(b)s) kể từ %(kind)s năm %(y0)s") % {
                **names, "count": len(span), "a": y0 + 1, "b": year}
            result = RouteWindow(y0, why, True, detail, "", cs, exc)
        else:
            detail = _("chưa đủ %(n)s năm liên tục hoàn thành tốt nhiệm vụ kể từ %(kind)s năm %(y0)s") % names
            if bad:
                detail += _(" (năm %(years)s chưa đạt HTTNV trở lên)") % {"years": years_text(bad)}
            remedy = ""
            if len(span) >= min_years and bad == [year] and h.grade(year) is None:
                remedy = _("được đánh giá HTTNV trở lên năm %(y)s") % {"y": year}
            result = RouteWindow(y0, why, False, detail, remedy, cs, exc)
    h._memo[key] = result
    return result


def prior_award(prior: str, own: str):
    def check(h: SubjectHistory, year: int, params) -> Outcome:
        w = route_window(h, year, prior=prior, own=own)
        if w.prior_year is not None:
            return Outcome(True, _("có %(kind)s năm %(y)s") % {"kind": label(prior), "y": w.prior_year})
        detail = _("chưa có %(kind)s được tính") % {"kind": label(prior)}
        if w.floor_why:
            detail += _(" (%(why)s)") % {"why": w.floor_why}
        return Outcome(False, detail)
    return check


def good_years(prior: str, own: str):
    def check(h: SubjectHistory, year: int, params) -> Outcome:
        w = route_window(h, year, prior=prior, own=own)
        if w.prior_year is None:
            return Outcome(False, _("chưa đủ 5 năm liên tục hoàn thành tốt nhiệm vụ kể từ %(kind)s") % {"kind": label(prior)})
        return Outcome(w.years_ok, w.years_detail, w.years_remedy)
    return check


def three_cstd_cs(prior: str, own: str):
    def check(h: SubjectHistory, year: int, params) -> Outcome:
        w = route_window(h, year, prior=prior, own=own)
        if w.prior_year is None:
            return Outcome(False, _("chưa có %(kind)s để tính số lần CSTĐ cơ sở") % {"kind": label(prior)})
        names = {"a": w.prior_year + 1, "b": year, "n": len(w.cs_years), "years": years_text(w.cs_years) or "–"}
        if len(w.cs_years) >= 3:
            return Outcome(True, _("%(n)s lần CSTĐ cơ sở trong %(a)s–%(b)s (%(years)s)") % names)
        remedy = _("đạt CSTĐ cơ sở năm %(y)s") % {"y": year} if len(w.cs_years) == 2 and year not in w.cs_years else ""
        return Outcome(False, _("mới có %(n)s lần CSTĐ cơ sở trong %(a)s–%(b)s (%(years)s), cần 3") % names, remedy)
    return check


def one_excellent(prior: str, own: str):
    def check(h: SubjectHistory, year: int, params) -> Outcome:
        w = route_window(h, year, prior=prior, own=own)
        if w.prior_year is None:
            return Outcome(False, _("chưa có %(kind)s để tính năm hoàn thành xuất sắc") % {"kind": label(prior)})
        if w.excellent_years:
            return Outcome(True, _("hoàn thành xuất sắc nhiệm vụ năm %(years)s") % {"years": years_text(w.excellent_years)})
        remedy = _("được đánh giá HTXSNV năm %(y)s") % {"y": year} if h.grade(year) is None else ""
        return Outcome(False, _("không có năm hoàn thành xuất sắc nhiệm vụ trong %(a)s–%(b)s") % {"a": w.prior_year + 1, "b": year}, remedy)
    return check


# --- collective titles ----------------------------------------------------------------------------

def check_ttldtt_rating(h: SubjectHistory, year: int, params) -> Outcome:
    return check_ldtt_rating(h, year, params)


def check_ttldtt_members(h: SubjectHistory, year: int, params) -> Outcome:
    share = float(params.get(TTLDTT_SHARE) or 0.7)
    members = h.members or []
    if not members:
        return Outcome(False, _("đơn vị không có thành viên để tính tỷ lệ LĐTT"))
    holders = sum(1 for m in members if "LDTT" in m.awards)
    names = {"n": holders, "t": len(members), "pct": round(100 * holders / len(members)), "need": round(100 * share), "y": year}
    if holders >= share * len(members) - 1e-9:
        return Outcome(True, _("%(n)s/%(t)s thành viên (%(pct)s%%) đạt LĐTT năm %(y)s, cần ít nhất %(need)s%%") % names)
    import math

    missing = math.ceil(share * len(members) - 1e-9) - holders
    return Outcome(False, _("mới %(n)s/%(t)s thành viên (%(pct)s%%) đạt LĐTT năm %(y)s, cần ít nhất %(need)s%%") % names,
                   _("thêm %(m)s thành viên đạt LĐTT năm %(y)s") % {"m": missing, "y": year})


def member_disciplined(h: SubjectHistory, year: int, min_form: str) -> list[str]:
    floor = DISCIPLINE_SEVERITY[min_form]
    return sorted({m.code for m in (h.members or []) for d in m.disciplines
                   if not d.is_hold and d.overlaps(year) and DISCIPLINE_SEVERITY.get(d.form, 0) >= floor})


def check_ttldtt_no_warning(h: SubjectHistory, year: int, params) -> Outcome:
    hit = member_disciplined(h, year, DisciplineForm.CANH_CAO)
    if hit:
        return Outcome(False, _("có thành viên bị kỷ luật từ cảnh cáo trở lên trong năm %(y)s: %(codes)s") % {"y": year, "codes": ", ".join(hit)})
    return Outcome(True, _("không có thành viên bị kỷ luật từ cảnh cáo trở lên trong năm %(y)s") % {"y": year})


# --- the table ------------------------------------------------------------------------------------

IND, COL = SubjectType.INDIVIDUAL, SubjectType.COLLECTIVE
D98 = "Nghị định 98/2023/NĐ-CP Điều 4"
D152 = "Nghị định 152/2025/NĐ-CP Điều 4"
ART5 = "Luật TĐKT 2022 Điều 5"


def blocking_rules(kind: str, subject_type: str) -> list[Rule]:
    """Holds, discipline and same-year reuse: they apply to every kind."""
    rules = [Rule(f"art5.{kind.lower()}.same_year", kind, subject_type, ART5, same_year(kind), blocking=True)]
    if subject_type == IND:
        rules += [
            Rule("d98.art4.hold", kind, subject_type, D98, check_hold, LAW_FROM, 2024, True),
            Rule("d98.art4.discipline", kind, subject_type, D98, check_discipline, LAW_FROM, 2024, True),
            Rule("d152.art4.hold", kind, subject_type, D152, check_hold, 2025, None, True),
            Rule("d152.art4.discipline", kind, subject_type, D152, check_discipline, 2025, None, True),
        ]
    return rules


def _law(kind: str, subject_type: str, *items: tuple[str, str, Callable]) -> list[Rule]:
    return [*blocking_rules(kind, subject_type), *(Rule(code, kind, subject_type, art, fn) for code, art, fn in items)]


RULES: dict[tuple[str, str], list[Rule]] = {
    ("LDTT", IND): _law("LDTT", IND, ("art24.ldtt.rating", "Luật TĐKT 2022 Điều 24(1)", check_ldtt_rating)),
    ("CSTD_CS", IND): _law(
        "CSTD_CS", IND,
        ("art23.cstd_cs.ldtt", "Luật TĐKT 2022 Điều 23(1)", check_ldtt_rating),
        ("art23.cstd_cs.merit", "Luật TĐKT 2022 Điều 23(2)", check_cstd_cs_merit),
    ),
    ("CSTD_TINH", IND): _law(
        "CSTD_TINH", IND,
        ("art22.cstd_tinh.three_cstd_cs", "Luật TĐKT 2022 Điều 22", check_cstd_tinh_three),
        ("art22.cstd_tinh.initiative", "Luật TĐKT 2022 Điều 22", check_cstd_tinh_initiative),
    ),
    ("BK_TINH", IND): _law("BK_TINH", IND, ("art74_1_d.bk_tinh", "Luật TĐKT 2022 Điều 74(1)(d)", check_bk_tinh_route_d)),
    ("BK_TTG", IND): _law(
        "BK_TTG", IND,
        ("art73_1_b.bk_ttg.prior", "Luật TĐKT 2022 Điều 73(1)(b)", prior_award("BK_TINH", "BK_TTG")),
        ("art73_1_b.bk_ttg.good_years", "Luật TĐKT 2022 Điều 73(1)(b)", good_years("BK_TINH", "BK_TTG")),
        ("art73_1_b.bk_ttg.cstd_cs", "Luật TĐKT 2022 Điều 73(1)(b)", three_cstd_cs("BK_TINH", "BK_TTG")),
    ),
    ("HC_LD_3", IND): _law(
        "HC_LD_3", IND,
        ("art44_1_e.hc_ld_3.prior", "Luật TĐKT 2022 Điều 44(1)(e)", prior_award("BK_TTG", "HC_LD_3")),
        ("art44_1_e.hc_ld_3.good_years", "Luật TĐKT 2022 Điều 44(1)(e)", good_years("BK_TTG", "HC_LD_3")),
        ("art44_1_e.hc_ld_3.excellent", "Luật TĐKT 2022 Điều 44(1)(e)", one_excellent("BK_TTG", "HC_LD_3")),
        ("art44_1_e.hc_ld_3.cstd_cs", "Luật TĐKT 2022 Điều 44(1)(e)", three_cstd_cs("BK_TTG", "HC_LD_3")),
    ),
    ("TTLDTT", COL): _law(
        "TTLDTT", COL,
        ("art28.ttldtt.rating", "Luật TĐKT 2022 Điều 28(1)", check_ttldtt_rating),
        ("art28.ttldtt.members_ldtt", "Luật TĐKT 2022 Điều 28(1)", check_ttldtt_members),
        ("art28.ttldtt.no_warning", "Luật TĐKT 2022 Điều 28(1)", check_ttldtt_no_warning),
    ),
}

# Parameters a kind's rules read besides their switches and periods (what-if skips the other kinds).
READS: dict[str, set[str]] = {"TTLDTT": {TTLDTT_SHARE}}

# The order titles follow for "what is missing for the next title".
LADDER = {
    IND: ["LDTT", "CSTD_CS", "BK_TINH", "CSTD_TINH", "BK_TTG", "HC_LD_3", "CSTD_TQ"],
    COL: ["TTLDTT", "TTLDXS", "BK_TINH", "CO_TINH", "BK_TTG"],
}

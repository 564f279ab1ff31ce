"""Criteria configured by staff for the kinds whose legal criteria the fact sheet marks UNCONFIRMED
(Tập thể lao động xuất sắc, Cờ thi đua tỉnh, CSTĐ toàn quốc, collective certificates).

A kind's criteria are a list of dicts stored in the policy parameter
``eligibility.criteria.<KIND>.<subject_type>``; defaults in ``params.DEFAULT_CRITERIA``.
``validate`` checks a list before it is saved; ``evaluate_criterion`` is a pure function.
"""

from __future__ import annotations

import math
from typing import Any

from ..enums import DISCIPLINE_SEVERITY, DisciplineForm, Grade, InitiativeScope, SubjectType
from .history import SubjectHistory
from .i18n import _
from .rules import (
    SCOPE_LABELS,
    Outcome,
    count_floor,
    grade_at_least,
    initiative_codes,
    label,
    member_disciplined,
    unused_initiatives,
    years_text,
)

GRADES = [g.value for g in Grade]
SCOPES = [s.value for s in InitiativeScope]
FORMS = list(DISCIPLINE_SEVERITY)

# type -> {field: (kind of value, required)}; "collective_only" types need members.
CRITERION_TYPES: dict[str, dict[str, str]] = {
    "rating": {"grade": "grade", "years": "int"},
    "award_count": {"kind": "str", "count": "int", "window": "int"},
    "initiative": {"min_scope": "scope", "count": "int", "window": "int"},
    "members_award": {"kind": "str", "share": "share"},
    "members_award_count": {"kind": "str", "count": "int"},
    "members_rated": {"grade": "grade", "share": "share"},
    "no_member_discipline": {"min_form": "form"},
    "manual": {"text": "str"},
    "any": {"of": "list"},
}
COLLECTIVE_ONLY = {"members_award", "members_award_count", "members_rated", "no_member_discipline"}
INDIVIDUAL_ONLY = {"initiative"}


class CriteriaError(ValueError):
    pass


def validate(criteria: Any, subject_type: str) -> list[dict]:
    """The criteria list if well formed; ``CriteriaError`` with a Vietnamese message otherwise."""
    if not isinstance(criteria, list) or not criteria:
        raise CriteriaError(_("Tiêu chí phải là một danh sách (JSON) có ít nhất một tiêu chí."))
    for n, item in enumerate(criteria, start=1):
        _validate_one(item, subject_type, str(n))
    return criteria


def _validate_one(item: Any, subject_type: str, where: str) -> None:
    if not isinstance(item, dict) or item.get("type") not in CRITERION_TYPES:
        raise CriteriaError(_("Tiêu chí %(n)s: loại không hợp lệ (các loại: %(types)s).") % {"n": where, "types": ", ".join(CRITERION_TYPES)})
    kind = item["type"]
    if kind in COLLECTIVE_ONLY and subject_type != SubjectType.COLLECTIVE:
        raise CriteriaError(_("Tiêu chí %(n)s: loại %(t)s chỉ dùng cho tập thể.") % {"n": where, "t": kind})
    if kind in INDIVIDUAL_ONLY and subject_type != SubjectType.INDIVIDUAL:
        raise CriteriaError(_("Tiêu chí %(n)s: loại %(t)s chỉ dùng cho cá nhân.") % {"n": where, "t": kind})
    for name, vtype in CRITERION_TYPES[kind].items():
        value = item.get(name)
        ok = {
            "grade": value in GRADES, "scope": value in SCOPES, "form": value in FORMS,
            "int": isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 30,
            "share": isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= 1,
            "str": isinstance(value, str) and 0 < len(value.strip()) <= 300,
            "list": isinstance(value, list) and bool(value),
        }[vtype]
        if not ok:
            raise CriteriaError(_("Tiêu chí %(n)s (%(t)s): giá trị “%(f)s” không hợp lệ.") % {"n": where, "t": kind, "f": name})
    if kind == "any":
        for m, sub in enumerate(item["of"], start=1):
            _validate_one(sub, subject_type, f"{where}.{m}")


def describe(item: dict) -> str:
    """A short Vietnamese statement of one criterion, for the verdict and the policy page."""
    t = item.get("type")
    if t == "rating":
        return _("xếp loại %(g)s trở lên %(n)s năm liên tục") % {"g": item["grade"], "n": item["years"]}
    if t == "award_count":
        return _("%(c)s lần %(k)s trong %(w)s năm") % {"c": item["count"], "k": label(item["kind"]), "w": item["window"]}
    if t == "initiative":
        return _("%(c)s sáng kiến %(s)s trở lên chưa sử dụng trong %(w)s năm") % {
            "c": item["count"], "s": SCOPE_LABELS.get(item["min_scope"], item["min_scope"]), "w": item["window"]}
    if t == "members_award":
        return _("≥ %(p)s%% thành viên đạt %(k)s") % {"p": round(100 * item["share"]), "k": label(item["kind"])}
    if t == "members_award_count":
        return _("≥ %(c)s thành viên đạt %(k)s") % {"c": item["count"], "k": label(item["kind"])}
    if t == "members_rated":
        return _("≥ %(p)s%% thành viên xếp loại %(g)s trở lên") % {"p": round(100 * item["share"]), "g": item["grade"]}
    if t == "no_member_discipline":
        return _("không có thành viên bị kỷ luật từ %(f)s trở lên") % {"f": DisciplineForm(item["min_form"]).label.lower()}
    if t == "manual":
        return item["text"]
    if t == "any":
        return _("một trong: %(list)s") % {"list": "; ".join(describe(s) for s in item["of"])}
    return str(item)


def evaluate_criterion(item: dict, h: SubjectHistory, year: int, own_kind: str) -> Outcome:
    t = item["type"]
    floor, why = count_floor(h, own_kind, year)
    first_allowed = (floor or 0) + 1
    if t == "rating":
        span = list(range(year - item["years"] + 1, year + 1))
        if span[0] < first_allowed:
            return Outcome(False, _("%(d)s: %(why)s") % {"d": describe(item), "why": why})
        bad = [y for y in span if not grade_at_least(h.grade(y), item["grade"])]
        if not bad:
            return Outcome(True, _("%(d)s: đạt (%(a)s–%(b)s)") % {"d": describe(item), "a": span[0], "b": year})
        remedy = _("được đánh giá %(g)s năm %(y)s") % {"g": item["grade"], "y": year} if bad == [year] and h.grade(year) is None else ""
        return Outcome(False, _("%(d)s: chưa đạt năm %(years)s") % {"d": describe(item), "years": years_text(bad)}, remedy)
    if t == "award_count":
        first = max(year - item["window"] + 1, first_allowed)
        years = [y for y in h.award_years(item["kind"]) if first <= y <= year]
        if len(years) >= item["count"]:
            return Outcome(True, _("%(d)s: đạt (%(years)s)") % {"d": describe(item), "years": years_text(years)})
        remedy = (_("đạt %(k)s năm %(y)s") % {"k": label(item["kind"]), "y": year}
                  if len(years) == item["count"] - 1 and year not in years else "")
        return Outcome(False, _("%(d)s: mới có %(n)s (%(years)s)") % {"d": describe(item), "n": len(years), "years": years_text(years) or "–"}, remedy)
    if t == "initiative":
        first = max(year - item["window"] + 1, first_allowed)
        found = unused_initiatives(h, min_scope=item["min_scope"], first=first, last=year)
        if len(found) >= item["count"]:
            return Outcome(True, _("%(d)s: %(codes)s") % {"d": describe(item), "codes": initiative_codes(found)})
        return Outcome(False, _("%(d)s: mới có %(n)s") % {"d": describe(item), "n": len(found)},
                       _("có sáng kiến %(s)s") % {"s": SCOPE_LABELS.get(item["min_scope"], item["min_scope"])})
    members = h.members or []
    if t in ("members_award", "members_rated", "members_award_count") and not members:
        return Outcome(False, _("%(d)s: đơn vị không có thành viên") % {"d": describe(item)})
    if t == "members_award":
        n = sum(1 for m in members if item["kind"] in m.awards)
        ok = n >= item["share"] * len(members) - 1e-9
        remedy = "" if ok else _("thêm %(m)s thành viên đạt %(k)s năm %(y)s") % {
            "m": math.ceil(item["share"] * len(members) - 1e-9) - n, "k": label(item["kind"]), "y": year}
        return Outcome(ok, _("%(d)s: %(n)s/%(t)s") % {"d": describe(item), "n": n, "t": len(members)}, remedy)
    if t == "members_award_count":
        n = sum(1 for m in members if item["kind"] in m.awards)
        ok = n >= item["count"]
        remedy = "" if ok else _("thêm %(m)s thành viên đạt %(k)s năm %(y)s") % {"m": item["count"] - n, "k": label(item["kind"]), "y": year}
        return Outcome(ok, _("%(d)s: %(n)s thành viên") % {"d": describe(item), "n": n}, remedy)
    if t == "members_rated":
        n = sum(1 for m in members if grade_at_least(m.grade, item["grade"]))
        ok = n >= item["share"] * len(members) - 1e-9
        return Outcome(ok, _("%(d)s: %(n)s/%(t)s") % {"d": describe(item), "n": n, "t": len(members)})
    if t == "no_member_discipline":
        hit = member_disciplined(h, year, item["min_form"])
        if hit:
            return Outcome(False, _("%(d)s: có %(codes)s") % {"d": describe(item), "codes": ", ".join(hit)})
        return Outcome(True, _("%(d)s: đạt") % {"d": describe(item)})
    if t == "manual":
        return Outcome(True, _("%(d)s — cần xác nhận khi thẩm định (không kiểm tra tự động)") % {"d": describe(item)})
    if t == "any":
        outcomes = [evaluate_criterion(sub, h, year, own_kind) for sub in item["of"]]
        passed = [o for o in outcomes if o.passed]
        if passed:
            return Outcome(True, passed[0].detail)
        return Outcome(False, _(" hoặc ").join(o.detail for o in outcomes),
                       _(" hoặc ").join(o.remedy for o in outcomes if o.remedy))
    raise CriteriaError(t)



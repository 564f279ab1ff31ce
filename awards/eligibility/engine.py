"""Runs the rules over loaded histories and builds verdicts (the interface in ``__init__`` calls this)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from ..enums import SubjectType
from . import Reason, Verdict
from .configured import CriteriaError, describe, evaluate_criterion, validate
from .history import SubjectHistory, load_histories
from .i18n import _, activate_cache
from .params import DEFAULT_CRITERIA, criteria_key, resolve
from .rules import LADDER, LAW_FROM, RULES, Outcome, Rule, blocking_rules, label

CONFIGURED_ARTICLES = {
    "TTLDXS": "Luật TĐKT 2022 Điều 27", "CO_TINH": "Luật TĐKT 2022 Điều 26", "CSTD_TQ": "Luật TĐKT 2022 Điều 21",
    "BK_TINH": "Luật TĐKT 2022 Điều 74", "BK_TTG": "Luật TĐKT 2022 Điều 73",
}
CHUNK = 2000  # subjects per history load when a plain list is given (SQLite bounds query parameters)


def kinds_with_rules() -> set[str]:
    return {kind for kind, _st in RULES} | {kind for kind, _st in DEFAULT_CRITERIA}


def kinds_for(subject_type: str) -> list[str]:
    """Kinds with rules for ``subject_type``, in the order of the title ladder."""
    found = {kind for kind, st in (*RULES, *DEFAULT_CRITERIA) if st == subject_type}
    ladder = LADDER.get(subject_type, [])
    return [k for k in ladder if k in found] + sorted(found - set(ladder))


def has_rules(kind: str, subject_type: str) -> bool:
    return (kind, subject_type) in RULES or (kind, subject_type) in DEFAULT_CRITERIA


class Judgement(NamedTuple):
    """A verdict plus what would make each failing condition pass this year (for the pages)."""

    verdict: Verdict
    remedies: tuple[str, ...]
    remediable: bool  # every failing condition has a remedy this year

    @property
    def kind_label(self) -> str:
        return label(self.verdict.award)

    @property
    def already_awarded(self) -> bool:
        return any(r.rule.endswith(".same_year") and not r.passed for r in self.verdict.reasons)

    def hint(self) -> str:
        if self.verdict.eligible or not self.remediable or not self.remedies:
            return ""
        return _("đủ điều kiện %(kind)s năm %(y)s nếu %(what)s") % {
            "kind": label(self.verdict.award), "y": self.verdict.year, "what": _(" và ").join(dict.fromkeys(self.remedies))}


@dataclass(frozen=True)
class Plan:
    """What to run for one kind and subject type in one year under one parameter set (built once per scan)."""

    kind: str
    subject_type: str
    configured: bool
    rules: tuple[Rule, ...]
    fixed: tuple[tuple[str, str, Outcome], ...]  # outcomes that do not depend on the subject
    criteria: tuple[dict, ...]
    article: str = ""


_BLOCKING: dict[tuple[str, str], list[Rule]] = {}


def plan_for(kind: str, subject_type: str, year: int, params: dict[str, Any]) -> Plan | None:
    configured = (kind, subject_type) in DEFAULT_CRITERIA and (kind, subject_type) not in RULES
    if configured:
        blocking = _BLOCKING.setdefault((kind, subject_type), blocking_rules(kind, subject_type))
        rules = tuple(r for r in blocking if r.in_force(year, params))
        fixed, criteria, article = _configured_plan(kind, subject_type, year, params)
        return Plan(kind, subject_type, True, rules, fixed, criteria, article)
    if (kind, subject_type) in RULES:
        rules = tuple(r for r in RULES[(kind, subject_type)] if r.in_force(year, params))
        fixed = ()
        if not any(not r.blocking for r in rules):
            fixed = (("rules.not_in_force", "", Outcome(False, _("không có quy tắc nào có hiệu lực cho %(kind)s năm %(y)s")
                                                         % {"kind": label(kind), "y": year})),)
        return Plan(kind, subject_type, False, rules, fixed, ())
    return None


def judge(h: SubjectHistory, kind: str, year: int, params: dict[str, Any], plan: Plan | None = None) -> Judgement | None:
    plan = plan or plan_for(kind, h.subject_type, year, params)
    if plan is None:
        return None
    results = [(r.code, r.article, r.check(h, year, params)) for r in plan.rules]
    results += plan.fixed
    code = f"config.{kind}.{h.subject_type}"
    for n, item in enumerate(plan.criteria, start=1):
        results.append((f"{code}.{n}.{item['type']}", plan.article, evaluate_criterion(item, h, year, kind)))
    reasons = tuple(Reason(c, o.passed, o.detail, article) for c, article, o in results)
    failed = [o for _c, _a, o in results if not o.passed]
    verdict = Verdict(h.subject_type, h.code, kind, year, not failed, reasons, plan.configured)
    return Judgement(verdict, tuple(o.remedy for o in failed if o.remedy), all(o.remedy for o in failed))


def _configured_plan(kind: str, subject_type: str, year: int, params) -> tuple[tuple, tuple, str]:
    """(subject-independent outcomes, validated criteria, article) of a configured kind."""
    article = CONFIGURED_ARTICLES.get(kind, "") + _(" (tiêu chí do tỉnh cấu hình)")
    key = criteria_key(kind, subject_type)
    code = f"config.{kind}.{subject_type}"
    period = (params.get("eligibility.rule_periods") or {}).get(code, (LAW_FROM, None))
    if code in (params.get("eligibility.rules_disabled") or []) or not (
            (period[0] is None or year >= period[0]) and (period[1] is None or year <= period[1])):
        return ((("rules.not_in_force", "", Outcome(False, _("tiêu chí cấu hình của %(kind)s không áp dụng cho năm %(y)s")
                                                     % {"kind": label(kind), "y": year})),), (), article)
    try:
        criteria = validate(params.get(key), subject_type)
    except CriteriaError as exc:
        return (((f"{code}.invalid", article, Outcome(False, _("tiêu chí cấu hình không hợp lệ: %(e)s") % {"e": exc})),), (), article)
    source = (f"{code}.source", article, Outcome(True, _("áp dụng tiêu chí do tỉnh cấu hình (%(key)s): %(list)s") % {
        "key": key, "list": "; ".join(f"{n}) {describe(c)}" for n, c in enumerate(criteria, start=1))}))
    return ((source,), tuple(criteria), article)


def _subject(subject_type: str, subject):
    from org.models import Person, Unit

    if not isinstance(subject, str):
        return subject
    model = Person if subject_type == SubjectType.INDIVIDUAL else Unit
    return model.objects.get(code=subject)


def judge_many(*, subject_type: str, subjects, kind_codes: list[str] | None, year: int,
               params: dict | None = None) -> list[tuple[SubjectHistory, list[Judgement]]]:
    """Histories and judgements for every subject × kind with rules, in a fixed number of queries."""
    if subject_type not in (SubjectType.INDIVIDUAL, SubjectType.COLLECTIVE):
        return []
    values = resolve(params)
    kinds = [k for k in (kind_codes if kind_codes is not None else kinds_for(subject_type)) if has_rules(k, subject_type)]
    if not kinds:
        return []
    if isinstance(subjects, list) and len(subjects) > CHUNK:
        out = []
        for i in range(0, len(subjects), CHUNK):
            out += judge_many(subject_type=subject_type, subjects=subjects[i:i + CHUNK], kind_codes=kinds, year=year, params=values)
        return out
    activate_cache()
    plans = [p for k in kinds if (p := plan_for(k, subject_type, year, values)) is not None]
    histories = load_histories(subject_type, subjects, year)
    return [(h, [judge(h, p.kind, year, values, p) for p in plans]) for h in histories]


def evaluate_many(*, subject_type: str, subjects, kind_codes: list[str], year: int, params: dict | None = None) -> list[Verdict]:
    return [j.verdict for _h, judgements in judge_many(subject_type=subject_type, subjects=subjects, kind_codes=kind_codes,
                                                        year=year, params=params) for j in judgements]


def evaluate(*, subject_type: str, subject, kind_code: str, year: int, params: dict | None = None) -> Verdict | None:
    if not has_rules(kind_code, subject_type):
        return None
    found = evaluate_many(subject_type=subject_type, subjects=[_subject(subject_type, subject)], kind_codes=[kind_code],
                          year=year, params=params)
    return found[0] if found else None

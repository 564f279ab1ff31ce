"""Reads for the eligibility pages: verdict rows of many subjects, a subject's page, the what-if preview."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.urls import reverse

from ..enums import SubjectType
from . import Verdict
from .engine import Judgement, judge_many, kinds_for
from .params import resolve
from .rules import label
from .scan import scan


@dataclass(frozen=True)
class Row:
    verdict: Verdict
    name: str
    unit_code: str
    unit_name: str
    hint: str

    @property
    def kind_label(self) -> str:
        return label(self.verdict.award)

    @property
    def failed(self) -> list[str]:
        return [r.detail for r in self.verdict.reasons if not r.passed]

    @property
    def url(self) -> str:
        name = "awards:eligibility-person" if self.verdict.subject_type == SubjectType.INDIVIDUAL else "awards:eligibility-collective"
        return reverse(name, args=[self.verdict.subject_code])


def verdict_rows(*, persons=None, units=None, kind_codes: list[str] | None, year: int, params: dict | None = None,
                 eligible: bool | None = None) -> list[Row]:
    """One row per subject × kind; ``eligible`` keeps only that answer. Queries: a fixed number per chunk."""
    from org.models import Unit

    values = resolve(params)
    results = list(scan(persons=persons, units=units, kind_codes=kind_codes, year=year, params=values))
    unit_ids = {h.unit_id for h, _js in results}
    names = dict((pk, (code, name)) for pk, code, name in Unit.objects.filter(pk__in=unit_ids).values_list("pk", "code", "name")) if results else {}
    rows = []
    for h, judgements in results:
        code, unit_name = names.get(h.unit_id, ("", ""))
        for j in judgements:
            if eligible is None or j.verdict.eligible == eligible:
                rows.append(Row(j.verdict, h.name, code, unit_name, j.hint()))
    return rows


def subject_judgements(subject_type: str, subject, year: int, params: dict | None = None) -> list[Judgement]:
    """This year's judgements of one subject for every kind with rules (5–7 queries)."""
    found = judge_many(subject_type=subject_type, subjects=[subject], kind_codes=kinds_for(subject_type), year=year, params=params)
    return found[0][1] if found else []


@dataclass
class WhatIf:
    total: int
    changed: int
    by_kind: list[tuple[str, str, int, int]]  # code, label, gained, lost
    by_unit: list[tuple[str, str, int, int]]  # unit code, name, gained, lost


def what_if(*, persons, units, year: int, before: dict, after: dict) -> WhatIf:
    """How many verdicts would change if ``after`` replaced ``before``. Reads only; nothing is saved.

    Histories are loaded once per chunk and judged under both parameter sets.
    """
    from org.models import Unit

    from .engine import judge
    from .history import load_histories
    from .scan import _chunks

    gained, lost = Counter(), Counter()
    unit_gained, unit_lost = Counter(), Counter()
    total = 0
    for subject_type, queryset in ((SubjectType.INDIVIDUAL, persons), (SubjectType.COLLECTIVE, units)):
        kinds = kinds_for(subject_type)
        for batch in _chunks(queryset.order_by("code"), 2000):
            for h in load_histories(subject_type, batch, year):
                for kind in kinds:
                    a, b = judge(h, kind, year, before), judge(h, kind, year, after)
                    if a is None or b is None:
                        continue
                    total += 1
                    if a.verdict.eligible != b.verdict.eligible:
                        target = gained if b.verdict.eligible else lost
                        target[kind] += 1
                        (unit_gained if b.verdict.eligible else unit_lost)[h.unit_id] += 1
    unit_ids = set(unit_gained) | set(unit_lost)
    names = {pk: (code, name) for pk, code, name in Unit.objects.filter(pk__in=unit_ids).values_list("pk", "code", "name")} if unit_ids else {}
    by_kind = [(k, label(k), gained[k], lost[k]) for k in sorted(set(gained) | set(lost))]
    by_unit = sorted(((*names.get(u, ("?", "?")), unit_gained[u], unit_lost[u]) for u in unit_ids), key=lambda r: (-(r[2] + r[3]), r[0]))
    return WhatIf(total, sum(gained.values()) + sum(lost.values()), by_kind, by_unit)


def eligible_counts(rows: list[Row]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for row in rows:
        if row.verdict.eligible:
            counts[row.verdict.award] += 1
    return dict(counts)

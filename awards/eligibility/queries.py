"""Reads for the eligibility pages: verdict rows of many subjects, a subject's page, the what-if preview."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from django.urls import reverse

from ..enums import SubjectType
from . import Verdict
from .engine import Judgement, judge_many, kinds_for
from .params import resolve
from .rules import READS, label
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


def paged_rows(*, persons, units, kind_codes: list[str] | None, year: int, page_number, per_page: int = 20,
               params: dict | None = None):
    """(page of subjects, their rows): only the page's subjects are evaluated, so a province-wide list
    without an eligible/not-eligible filter stays fast. Queries are fixed.
    """
    from django.core.paginator import Paginator

    from org.models import Person, Unit

    keys = []
    if persons is not None:
        keys += [(SubjectType.INDIVIDUAL, pk) for pk in persons.order_by("code").values_list("pk", flat=True)]
    if units is not None:
        keys += [(SubjectType.COLLECTIVE, pk) for pk in units.order_by("code").values_list("pk", flat=True)]
    page = Paginator(keys, per_page).get_page(page_number)
    person_ids = [pk for st, pk in page.object_list if st == SubjectType.INDIVIDUAL]
    unit_ids = [pk for st, pk in page.object_list if st == SubjectType.COLLECTIVE]
    rows = verdict_rows(persons=Person.objects.filter(pk__in=person_ids) if person_ids else None,
                        units=Unit.objects.filter(pk__in=unit_ids) if unit_ids else None,
                        kind_codes=kind_codes, year=year, params=params)
    return page, rows


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

    from .engine import judge, plan_for
    from .history import load_histories
    from .i18n import activate_cache
    from .scan import _chunks

    gained, lost = Counter(), Counter()
    unit_gained, unit_lost = Counter(), Counter()
    total = 0
    changed_keys = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
    for subject_type, queryset in ((SubjectType.INDIVIDUAL, persons), (SubjectType.COLLECTIVE, units)):
        activate_cache()
        plans = [(k, plan_for(k, subject_type, year, before), plan_for(k, subject_type, year, after)) for k in kinds_for(subject_type)]
        # Only kinds whose plan or whose parameters differ can change verdict; the others are skipped.
        affected = [(k, a, b) for k, a, b in plans if a != b or READS.get(k, set()) & changed_keys]
        if not affected:
            total += queryset.count() * len(plans)
            continue
        for batch in _chunks(queryset.order_by("code"), 2000):
            for h in load_histories(subject_type, batch, year):
                total += len(plans)
                for kind, plan_a, plan_b in affected:
                    a, b = judge(h, kind, year, before, plan_a), judge(h, kind, year, after, plan_b)
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

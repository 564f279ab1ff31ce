"""Quota caps of a unit (province policy, off by default): headroom for a year's proposals."""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from ..enums import AwardStatus, SubjectType
from . import Reason
from .params import CAP_CSTD_CS, CAP_LDTT, resolve


@dataclass(frozen=True)
class CapRow:
    rule: str
    kind: str
    base_label: str
    pct: float
    base: int
    limit: int
    existing: int
    proposed: int

    @property
    def pct_text(self) -> str:
        return f"{self.pct:g}"

    @property
    def headroom(self) -> int:
        return self.limit - self.existing - self.proposed

    @property
    def passed(self) -> bool:
        return self.headroom >= 0


def cap_rows(*, unit, year: int, proposed: dict[str, int], params: dict | None = None) -> list[CapRow]:
    """Active caps of ``unit``'s subtree for ``year`` (2 queries when any cap is active)."""
    from org.models import Person

    from ..models import Award

    values = resolve(params)
    caps = [(CAP_CSTD_CS, "CSTD_CS", "LDTT", values.get(CAP_CSTD_CS)), (CAP_LDTT, "LDTT", "", values.get(CAP_LDTT))]
    caps = [c for c in caps if c[3] not in (None, "")]
    if not caps:
        return []
    counts = dict(
        Award.objects.filter(subject_type=SubjectType.INDIVIDUAL, status=AwardStatus.IN_FORCE, year=year,
                             person__unit__path__startswith=unit.path, kind__code__in=["LDTT", "CSTD_CS"])
        .values_list("kind__code").annotate(n=Count("id")).values_list("kind__code", "n")
    )
    headcount = None
    rows = []
    for key, kind, base_kind, pct in caps:
        pct = float(pct)
        if base_kind:
            base = counts.get(base_kind, 0) + int(proposed.get(base_kind, 0))
            base_label = _("%(n)s LĐTT") % {"n": base}
        else:
            if headcount is None:
                headcount = Person.objects.filter(unit__path__startswith=unit.path, is_active=True).count()
            base = headcount
            base_label = _("%(n)s người") % {"n": base}
        rows.append(CapRow(key, kind, base_label, pct, base, math.floor(pct * base / 100 + 1e-9), counts.get(kind, 0), int(proposed.get(kind, 0))))
    return rows


def check_caps(*, unit, year: int, proposed: dict[str, int], params: dict | None = None) -> list[Reason]:
    from .rules import label

    reasons = []
    for row in cap_rows(unit=unit, year=year, proposed=proposed, params=params):
        names = {"kind": label(row.kind), "e": row.existing, "p": row.proposed, "l": row.limit, "pct": f"{row.pct:g}",
                 "base": row.base_label, "h": row.headroom, "y": year, "unit": unit.code}
        if row.passed:
            detail = _("%(kind)s năm %(y)s của %(unit)s: đã có %(e)s, đề nghị %(p)s, tối đa %(l)s (%(pct)s%% của %(base)s); còn %(h)s") % names
        else:
            detail = _("%(kind)s năm %(y)s của %(unit)s: đã có %(e)s, đề nghị %(p)s, vượt trần %(l)s (%(pct)s%% của %(base)s) %(over)s") % {
                **names, "over": -row.headroom}
        reasons.append(Reason(f"cap.{row.kind.lower()}", row.passed, detail, _("Quy định của tỉnh")))
    return reasons

"""Caps of every unit at once (3 queries), for the what-if preview of a cap parameter."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count

from ..enums import AwardStatus, SubjectType
from .params import CAP_CSTD_CS, CAP_LDTT


@dataclass(frozen=True)
class CapChange:
    unit_code: str
    unit_name: str
    kind: str
    existing: int
    limit_before: int | None
    limit_after: int | None

    @property
    def over_before(self) -> bool:
        return self.limit_before is not None and self.existing > self.limit_before

    @property
    def over_after(self) -> bool:
        return self.limit_after is not None and self.existing > self.limit_after


def _limit(pct, base: int) -> int | None:
    return None if pct in (None, "") else math.floor(float(pct) * base / 100 + 1e-9)


def cap_changes(*, units, year: int, before: dict, after: dict) -> list[CapChange]:
    """Units (subtree totals) whose cap limit differs between ``before`` and ``after``."""
    from org.models import Person

    from ..models import Award

    unit_rows = list(units.values_list("pk", "code", "name", "path"))
    by_path = {path: pk for pk, _c, _n, path in unit_rows}
    path_of = {pk: path for pk, _c, _n, path in unit_rows}
    direct: Counter = Counter()
    for unit_id, kind, n in (Award.objects.filter(subject_type=SubjectType.INDIVIDUAL, status=AwardStatus.IN_FORCE, year=year,
                                                  kind__code__in=["LDTT", "CSTD_CS"])
                             .values_list("person__unit_id", "kind__code").annotate(n=Count("id"))
                             .values_list("person__unit_id", "kind__code", "n")):
        direct[(unit_id, kind)] += n
    for unit_id, n in Person.objects.filter(is_active=True).values_list("unit_id").annotate(n=Count("id")).values_list("unit_id", "n"):
        direct[(unit_id, "people")] += n
    totals: Counter = Counter()
    for (unit_id, what), n in direct.items():
        path = path_of.get(unit_id)
        if path is None:
            continue
        parts = path.strip("/").split("/")
        for i in range(1, len(parts) + 1):
            ancestor = by_path.get("/" + "/".join(parts[:i]) + "/")
            if ancestor is not None:
                totals[(ancestor, what)] += n
    out = []
    for pk, code, name, _path in unit_rows:
        for key, kind, base in ((CAP_CSTD_CS, "CSTD_CS", totals[(pk, "LDTT")]), (CAP_LDTT, "LDTT", totals[(pk, "people")])):
            lb, la = _limit(before.get(key), base), _limit(after.get(key), base)
            if lb != la:
                out.append(CapChange(code, name, kind, totals[(pk, kind)], lb, la))
    return out

"""Benchmark of the eligibility engine (not a test; never fails on speed).

``run(report)`` times a whole-province scan (every person and every collective, every kind with
rules, the current year) against loading the same history rows alone, and calls
``report(name, seconds_list, baseline_seconds_list)`` for the harness to print median and ratio.
"""

from __future__ import annotations

import time

REPEAT = 3


def _load_only(year: int) -> int:
    from awards.eligibility.history import load_histories
    from awards.eligibility.scan import CHUNK, _chunks
    from org.models import Person, Unit

    n = 0
    for subject_type, queryset in (("individual", Person.objects.all()), ("collective", Unit.objects.all())):
        for batch in _chunks(queryset.order_by("code"), CHUNK):
            n += len(load_histories(subject_type, batch, year))
    return n


def _scan(year: int) -> int:
    from awards.eligibility.scan import scan
    from org.models import Person, Unit

    return sum(len(js) for _h, js in scan(persons=Person.objects.all(), units=Unit.objects.all(), year=year))


def run(report, *, year: int | None = None, repeat: int = REPEAT) -> None:
    from django.utils import timezone

    year = year or timezone.localdate().year
    scans, loads = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        _load_only(year)
        loads.append(time.perf_counter() - start)
        start = time.perf_counter()
        _scan(year)
        scans.append(time.perf_counter() - start)
    report("eligibility: province scan (all people and collectives, all kinds)", scans, loads)

"""Scanning many subjects: chunks of people and units through the engine, for the command, the pages,
the what-if preview and the benchmark. Queries grow with the number of chunks, never per subject.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..enums import SubjectType
from .engine import Judgement, has_rules, judge_many, kinds_for
from .history import SubjectHistory
from .params import resolve

CHUNK = 2000


def _chunks(queryset, size: int) -> Iterator[list]:
    batch = []
    for obj in queryset.iterator(chunk_size=size):
        batch.append(obj)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def scan(*, persons=None, units=None, kind_codes: list[str] | None = None, year: int, params: dict | None = None,
         chunk: int = CHUNK) -> Iterator[tuple[SubjectHistory, list[Judgement]]]:
    """(history, judgements) of every person of ``persons`` then every unit of ``units`` (querysets)."""
    values = resolve(params)
    for subject_type, queryset in ((SubjectType.INDIVIDUAL, persons), (SubjectType.COLLECTIVE, units)):
        if queryset is None:
            continue
        kinds = [k for k in (kind_codes if kind_codes is not None else kinds_for(subject_type)) if has_rules(k, subject_type)]
        if not kinds:
            continue
        for batch in _chunks(queryset.order_by("code"), chunk):
            yield from judge_many(subject_type=subject_type, subjects=batch, kind_codes=kinds, year=year, params=values)

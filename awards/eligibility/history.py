"""Loading the history the rules read, for many subjects at once, in a fixed number of queries.

Individuals: 4 queries (ratings, in-force awards, initiatives with their use, disciplines and
holds). Collectives: 6 (ratings, awards, members, members' awards and ratings of the year,
members' disciplines). The count does not depend on how many subjects are loaded: subjects given
as a queryset are filtered by subquery; a list is filtered by its ids.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import OuterRef, QuerySet, Subquery

from ..enums import HISTORY_FREE_TYPES, AwardStatus, DisciplineForm, SubjectType


@dataclass(frozen=True)
class AwardRow:
    kind: str
    year: int
    commendation_type: str = "cong_trang"
    initiative_id: int | None = None

    @property
    def counts_for_merit(self) -> bool:
        """Results of one-off and thematic awards are not counted toward merit nominations (Law Art 5)."""
        return self.commendation_type not in HISTORY_FREE_TYPES


@dataclass(frozen=True)
class InitiativeRow:
    id: int
    code: str
    year: int
    scope: str
    used_by: str = ""  # "KIND YEAR" of the in-force award that used it; empty when unused

    @property
    def used(self) -> bool:
        return bool(self.used_by)


@dataclass(frozen=True)
class DisciplineRow:
    form: str
    start: datetime.date
    end: datetime.date | None = None

    @property
    def is_hold(self) -> bool:
        return self.form == DisciplineForm.DANG_XEM_XET

    def overlaps(self, year: int) -> bool:
        """True when the period touches ``year`` (an open period runs on)."""
        return self.start.year <= year and (self.end is None or self.end.year >= year)


@dataclass
class MemberHistory:
    """A member of a collective: their awards and rating of the assessed year, and disciplines."""

    code: str
    awards: set[str] = field(default_factory=set)
    grade: str | None = None
    disciplines: list[DisciplineRow] = field(default_factory=list)


@dataclass
class SubjectHistory:
    """Everything the rules know about one subject. Plain data: rules never query."""

    subject_type: str
    code: str
    name: str = ""
    pk: int | None = None
    unit_id: int | None = None
    ratings: dict[int, str] = field(default_factory=dict)
    awards: list[AwardRow] = field(default_factory=list)
    initiatives: list[InitiativeRow] = field(default_factory=list)
    disciplines: list[DisciplineRow] = field(default_factory=list)
    members: list[MemberHistory] | None = None  # collectives only
    _memo: dict = field(default_factory=dict, repr=False, compare=False)

    def grade(self, year: int) -> str | None:
        return self.ratings.get(year)

    def _index(self) -> dict[tuple[str, bool], list[int]]:
        index = self._memo.get("awards")
        if index is None:
            merit: dict[str, set[int]] = defaultdict(set)
            every: dict[str, set[int]] = defaultdict(set)
            for a in self.awards:
                every[a.kind].add(a.year)
                if a.counts_for_merit:
                    merit[a.kind].add(a.year)
            index = {(k, True): sorted(v) for k, v in merit.items()}
            index.update({(k, False): sorted(v) for k, v in every.items()})
            self._memo["awards"] = index
        return index

    def award_years(self, kind: str, *, merit_only: bool = True) -> list[int]:
        return self._index().get((kind, merit_only), [])

    def has_award(self, kind: str, year: int, *, merit_only: bool = True) -> bool:
        return year in self._index().get((kind, merit_only), ())

    def last_award_year(self, kind: str, *, before: int) -> int | None:
        years = [y for y in self.award_years(kind) if y < before]
        return years[-1] if years else None


def _filter(field_name: str, subjects) -> dict:
    if isinstance(subjects, QuerySet):
        return {f"{field_name}__in": subjects.values("pk")}
    return {f"{field_name}__in": [s.pk for s in subjects]}


def load_histories(subject_type: str, subjects, year: int) -> list[SubjectHistory]:
    """Histories of ``subjects`` (Persons or Units, a list or a queryset) up to ``year``, in input order."""
    if subject_type == SubjectType.INDIVIDUAL:
        return _load_individuals(subjects, year)
    if subject_type == SubjectType.COLLECTIVE:
        return _load_collectives(subjects, year)
    raise ValueError(subject_type)


def _discipline_rows(rows) -> dict[int, list[DisciplineRow]]:
    out: dict[int, list[DisciplineRow]] = defaultdict(list)
    for person_id, form, start, end in rows:
        out[person_id].append(DisciplineRow(form, start, end))
    return out


def _load_individuals(subjects, year: int) -> list[SubjectHistory]:
    from ..models import Award, Discipline, Initiative, Rating

    people = list(subjects)
    by_pk = {p.pk: SubjectHistory(SubjectType.INDIVIDUAL, p.code, p.full_name, p.pk, p.unit_id) for p in people}
    if not by_pk:
        return []
    flt = _filter("person", subjects)
    for person_id, y, grade in Rating.objects.filter(year__lte=year, **flt).values_list("person_id", "year", "grade"):
        by_pk[person_id].ratings[y] = grade
    awards = (Award.objects.filter(status=AwardStatus.IN_FORCE, year__lte=year, **flt)
              .values_list("person_id", "kind__code", "year", "commendation_type", "initiative_id"))
    for person_id, kind, y, ctype, initiative_id in awards:
        by_pk[person_id].awards.append(AwardRow(kind, y, ctype, initiative_id))
    used = Award.objects.filter(initiative=OuterRef("initiative_id"), status=AwardStatus.IN_FORCE).order_by("year")
    authorship = (Initiative.authors.through.objects.filter(initiative__year__lte=year, **flt)
                  .annotate(used_kind=Subquery(used.values("kind__code")[:1]), used_year=Subquery(used.values("year")[:1]))
                  .values_list("person_id", "initiative_id", "initiative__code", "initiative__year", "initiative__scope",
                               "used_kind", "used_year"))
    for person_id, initiative_id, code, y, scope, used_kind, used_year in authorship:
        used_by = f"{used_kind} {used_year}" if used_kind else ""
        by_pk[person_id].initiatives.append(InitiativeRow(initiative_id, code, y, scope, used_by))
    disciplines = Discipline.objects.filter(**flt).values_list("person_id", "form", "start_date", "end_date")
    for person_id, rows in _discipline_rows(disciplines).items():
        by_pk[person_id].disciplines = rows
    return [by_pk[p.pk] for p in people]


def _load_collectives(subjects, year: int) -> list[SubjectHistory]:
    from org.models import Person

    from ..models import Award, Discipline, Rating

    units = list(subjects)
    by_pk = {u.pk: SubjectHistory(SubjectType.COLLECTIVE, u.code, u.name, u.pk, u.pk, members=[]) for u in units}
    if not by_pk:
        return []
    flt = _filter("unit", subjects)
    for unit_id, y, grade in Rating.objects.filter(year__lte=year, **flt).values_list("unit_id", "year", "grade"):
        by_pk[unit_id].ratings[y] = grade
    awards = (Award.objects.filter(status=AwardStatus.IN_FORCE, year__lte=year, **flt)
              .values_list("unit_id", "kind__code", "year", "commendation_type", "initiative_id"))
    for unit_id, kind, y, ctype, initiative_id in awards:
        by_pk[unit_id].awards.append(AwardRow(kind, y, ctype, initiative_id))
    member_flt = {f"person__{k}": v for k, v in _filter("unit", subjects).items()}
    active = {"person__is_active": True}
    members: dict[int, MemberHistory] = {}
    for person_id, code, unit_id in Person.objects.filter(is_active=True, **flt).values_list("id", "code", "unit_id"):
        members[person_id] = MemberHistory(code)
        by_pk[unit_id].members.append(members[person_id])
    for person_id, kind in (Award.objects.filter(status=AwardStatus.IN_FORCE, year=year, **member_flt, **active)
                            .values_list("person_id", "kind__code")):
        if person_id in members:
            members[person_id].awards.add(kind)
    for person_id, grade in Rating.objects.filter(year=year, **member_flt, **active).values_list("person_id", "grade"):
        if person_id in members:
            members[person_id].grade = grade
    disciplines = Discipline.objects.filter(**member_flt, **active).values_list("person_id", "form", "start_date", "end_date")
    for person_id, rows in _discipline_rows(disciplines).items():
        if person_id in members:
            members[person_id].disciplines = rows
    return [by_pk[u.pk] for u in units]

"""Reads of the register and of a subject's whole history, always through the user's scope."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from core.models import ActivityLog
from core.text import filter_search
from org.queries import households_in_scope, persons_in_scope, sees_whole_province, units_in_scope

from .enums import AwardStatus, Level
from .models import Award, Discipline, Initiative, Rating


def awards_in_scope(user) -> QuerySet[Award]:
    """Every award for province readers; a unit user's awards of people, collectives and
    households of their unit's subtree (by the unit at the time of the award)."""
    if user.is_superuser or sees_whole_province(user):
        return Award.objects.all()
    if user.is_unit_user and user.unit_id:
        return Award.objects.filter(snapshot_unit__path__startswith=user.unit.path)
    return Award.objects.none()


def register_search(
    user, *, q: str = "", person: str = "", unit=None, kind: str = "", year: int | None = None,
    decision: str = "", status: str = "",
) -> QuerySet[Award]:
    """The register filtered by free text (name or code, accent-insensitive), person, unit
    (subtree, by the unit at the time of the award), kind code, year and decision number."""
    qs = filter_search(awards_in_scope(user), q)
    if person:
        qs = filter_search(qs.filter(subject_type="individual"), person)
    if unit is not None:
        qs = qs.filter(snapshot_unit__path__startswith=unit.path)
    if kind:
        qs = qs.filter(kind__code=kind)
    if year:
        qs = qs.filter(year=year)
    if decision:
        # folded, so "15/qd" finds "15/QĐ-UBND" on SQLite and PostgreSQL alike
        qs = filter_search(qs, decision)
    if status in AwardStatus.values:
        qs = qs.filter(status=status)
    return qs.select_related("kind", "person", "unit", "household", "snapshot_unit").order_by("-year", "-decision_date", "id")


@dataclass
class History:
    """Everything on record about one subject, year by year (the "award passport")."""

    subject: object
    subject_type: str
    ratings: list = field(default_factory=list)
    initiatives: list = field(default_factory=list)
    disciplines: list = field(default_factory=list)
    awards: list = field(default_factory=list)

    @property
    def years(self) -> list[dict]:
        """One row per year, newest first: the rating, the awards, the initiatives."""
        years: dict[int, dict] = {}
        for r in self.ratings:
            years.setdefault(r.year, {"year": r.year, "rating": None, "awards": [], "initiatives": []})["rating"] = r
        for a in self.awards:
            years.setdefault(a.year, {"year": a.year, "rating": None, "awards": [], "initiatives": []})["awards"].append(a)
        for i in self.initiatives:
            years.setdefault(i.year, {"year": i.year, "rating": None, "awards": [], "initiatives": []})["initiatives"].append(i)
        return [years[y] for y in sorted(years, reverse=True)]

    @property
    def awards_in_force(self) -> list:
        return [a for a in self.awards if a.status == AwardStatus.IN_FORCE]

    @property
    def total_amount(self) -> int:
        return sum(a.amount or 0 for a in self.awards_in_force)


def _award_qs():
    return Award.objects.select_related("kind", "initiative", "campaign", "snapshot_unit").order_by("-year", "-decision_date")


def person_history(person) -> History:
    """A person's ratings, initiatives (with co-authors), disciplines and awards, in 4 queries."""
    return History(
        subject=person, subject_type="individual",
        ratings=list(Rating.objects.filter(person=person).order_by("-year")),
        initiatives=list(Initiative.objects.filter(authors=person).prefetch_related(
            "authors", Prefetch("awards", Award.objects.select_related("kind"))).order_by("-year", "code")),
        disciplines=list(Discipline.objects.filter(person=person).order_by("-start_date")),
        awards=list(_award_qs().filter(person=person)),
    )


def unit_history(unit) -> History:
    """A collective's ratings and awards (as a collective, not its members')."""
    return History(
        subject=unit, subject_type="collective",
        ratings=list(Rating.objects.filter(unit=unit).order_by("-year")),
        awards=list(_award_qs().filter(unit=unit)),
    )


def household_history(household) -> History:
    return History(subject=household, subject_type="household", awards=list(_award_qs().filter(household=household)))


def history_log(history: History, *, limit: int = 50) -> list[ActivityLog]:
    """The audit rows of everything on a subject's history (ratings, initiatives, disciplines,
    awards), newest first, in one query."""
    groups = {
        "awards.rating": history.ratings, "awards.initiative": history.initiatives,
        "awards.discipline": history.disciplines, "awards.award": history.awards,
    }
    condition = Q()
    for object_type, objs in groups.items():
        if objs:
            condition |= Q(object_type=object_type, object_id__in=[str(o.pk) for o in objs])
    if not condition:
        return []
    return list(ActivityLog.objects.filter(condition).select_related("actor").order_by("-created_at", "-id")[:limit])


def person_for_passport(user, code: str):
    return persons_in_scope(user).select_related("unit").get(code=code)


def unit_for_passport(user, code: str):
    return units_in_scope(user).get(code=code)


def household_for_passport(user, code: str):
    return households_in_scope(user).select_related("unit").get(code=code)


def register_totals(user, year: int) -> dict:
    """Awards in force of a year in the user's scope: count per level, count and money in total."""
    qs = awards_in_scope(user).in_force().filter(year=year)
    by_level = {level: 0 for level in Level.values}
    for row in qs.values("kind__level").annotate(n=Count("id")).order_by():
        by_level[row["kind__level"]] = row["n"]
    money = qs.aggregate(total=Sum("amount"))["total"] or 0
    return {"by_level": by_level, "count": sum(by_level.values()), "money": money}

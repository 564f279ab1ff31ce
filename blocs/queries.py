"""Reads of blocs and clusters: visible groups, sheets, live totals, the ranking and vote results."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Q, QuerySet

from accounts.enums import UNIT_ROLES, Role
from core.text import filter_search
from org.models import Unit

from .enums import GroupYearState
from .models import Criterion, EmulationGroup, GroupYear, Score, Vote
from .scoring import SheetTotal, rank, sheet_totals


def groups_visible_to(user) -> QuerySet[EmulationGroup]:
    """Staff and leadership see all groups; unit users the groups their unit belongs to (any year)."""
    if user.is_superuser or user.role in {Role.STAFF, Role.VIEWER}:
        return EmulationGroup.objects.all()
    if user.role in UNIT_ROLES and user.unit_id:
        return EmulationGroup.objects.filter(
            Q(years__memberships__unit_id=user.unit_id) | Q(years__head_id=user.unit_id) | Q(years__deputy_id=user.unit_id)
        ).distinct()
    return EmulationGroup.objects.none()


def group_list(user, *, q: str = "", kind: str = "") -> QuerySet[EmulationGroup]:
    qs = filter_search(groups_visible_to(user), q)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.annotate(year_count=Count("years", distinct=True)).order_by("kind", "name")


def years_of(group: EmulationGroup) -> QuerySet[GroupYear]:
    return (
        group.years.select_related("head", "deputy")
        .annotate(member_count=Count("memberships", distinct=True))
        .order_by("-year")
    )


def headed_by(unit_id: int | None) -> QuerySet[GroupYear]:
    if not unit_id:
        return GroupYear.objects.none()
    return GroupYear.objects.filter(head_id=unit_id).select_related("group").order_by("-year")


def member_units(gy: GroupYear) -> list[Unit]:
    return [m.unit for m in gy.memberships.select_related("unit").order_by("order", "unit__name")]


def criteria_of(gy: GroupYear) -> list[Criterion]:
    """The sheet in display order: each parent followed by its children (depth-first)."""
    rows = list(gy.criteria.order_by("order", "pk"))
    children: dict[int | None, list[Criterion]] = {}
    for c in rows:
        children.setdefault(c.parent_id, []).append(c)
    ordered: list[Criterion] = []

    def walk(parent_id, depth):
        for c in children.get(parent_id, []):
            c.depth = depth
            c.is_leaf = c.pk not in children
            ordered.append(c)
            walk(c.pk, depth + 1)

    walk(None, 0)
    return ordered


def sheet(gy: GroupYear, unit) -> list[tuple[Criterion, Score | None]]:
    """A member's sheet: every criterion with its score row (None when not scored)."""
    scores = {s.criterion_id: s for s in Score.objects.filter(group_year=gy, unit=unit).select_related("verified_by")}
    return [(c, scores.get(c.pk)) for c in criteria_of(gy)]


def live_totals(gy: GroupYear) -> dict[int, SheetTotal]:
    unit_ids = list(gy.memberships.values_list("unit_id", flat=True))
    criteria = list(gy.criteria.all())
    scores = Score.objects.filter(group_year=gy).only("unit_id", "criterion_id", "self_points", "verified_points")
    return sheet_totals(unit_ids, criteria, scores)


@dataclass(frozen=True)
class RankRow:
    rank: int
    unit: Unit
    self_total: Decimal
    verified_total: Decimal
    penalty_count: int = 0
    unverified: int = 0


def ranking(group_year: GroupYear) -> list[RankRow]:
    """Rows (rank, unit, self total, verified total): the stored ranking once published, otherwise
    the provisional one computed from the scores so far (unverified lines count at their self score)."""
    if group_year.state in {GroupYearState.PUBLISHED, GroupYearState.PROPOSED}:
        entries = group_year.ranking_entries.select_related("unit").order_by("rank", "unit__name")
        return [RankRow(e.rank, e.unit, e.self_total, e.verified_total, e.penalty_count) for e in entries]
    totals = live_totals(group_year)
    units = Unit.objects.in_bulk(list(totals))
    rows = [
        RankRow(r.rank, units[r.total.unit_id], r.total.self_total, r.total.verified_total, r.total.penalty_count,
                r.total.unverified)
        for r in rank(totals.values(), group_year.tie_rule)
    ]
    return sorted(rows, key=lambda row: (row.rank, row.unit.name))


def vote_results(gy: GroupYear) -> list[dict]:
    """Votes per candidate, most first: [{"unit": Unit, "votes": n}]; members with no vote included."""
    counts = dict(Vote.objects.filter(group_year=gy).values_list("candidate_id").annotate(n=Count("pk")).order_by())
    units = member_units(gy)
    rows = [{"unit": u, "votes": counts.get(u.pk, 0)} for u in units]
    return sorted(rows, key=lambda r: (-r["votes"], r["unit"].name))


def voted_unit_ids(gy: GroupYear) -> set[int]:
    return set(Vote.objects.filter(group_year=gy).values_list("voter_unit_id", flat=True))


def rotation_history(group: EmulationGroup) -> list[GroupYear]:
    return list(group.years.select_related("head", "deputy").order_by("-year"))


def suggested_rotation(group: EmulationGroup, year: int) -> tuple[Unit | None, Unit | None]:
    """Next head and deputy: last year's deputy becomes head (the usual rotation); the new deputy is
    the member that has gone longest without leading (never first, then oldest), by member order."""
    previous = group.years.filter(year__lt=year).order_by("-year").first()
    if previous is None:
        return None, None
    members = member_units(previous)
    if not members:
        return None, None
    last_led: dict[int, int] = {}
    for gy in group.years.filter(year__lt=year).only("year", "head_id", "deputy_id"):
        for uid in (gy.head_id, gy.deputy_id):
            if uid:
                last_led[uid] = max(last_led.get(uid, 0), gy.year)
    order = {u.pk: i for i, u in enumerate(members)}
    by_wait = sorted(members, key=lambda u: (last_led.get(u.pk, 0), order[u.pk]))
    head = next((u for u in members if u.pk == previous.deputy_id), None) or by_wait[0]
    deputy = next((u for u in by_wait if u.pk != head.pk), None)
    return head, deputy

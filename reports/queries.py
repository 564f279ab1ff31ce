"""Reads for the report side: the annual summary, computed in SQL with a fixed number of queries.

Every figure comes from the awards register (``awards.Award``): awards in force count, revoked
ones are listed apart. Snapshot fields (taken at the decision date) decide the shares, so the
statistics of a past year do not change when people move or are promoted.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q, QuerySet, Sum

from accounts.enums import Role
from awards.enums import AwardStatus, Level, SubjectType
from awards.models import Award
from org.enums import MAJORITY_ETHNICITY, SMALL_COLLECTIVE_KINDS
from org.models import Unit

LEVEL_ORDER = [Level.STATE, Level.PROVINCE, Level.GRASSROOTS]
SUBJECTS = [SubjectType.COLLECTIVE, SubjectType.INDIVIDUAL, SubjectType.HOUSEHOLD]

# The five shares a province reports (CONTRACTS §7), each with its filter and its base.
IND = Q(subject_type=SubjectType.INDIVIDUAL)
COLL = Q(subject_type=SubjectType.COLLECTIVE)
SHARE_DEFS = [
    ("direct_workers", "Cá nhân là người lao động trực tiếp", IND & Q(snapshot_is_leader=False), "individual"),
    ("small_collectives", "Tập thể nhỏ", COLL & Q(snapshot_unit__kind__in=list(SMALL_COLLECTIVE_KINDS)), "collective"),
    ("women", "Cá nhân nữ", IND & Q(snapshot_gender="nu"), "individual"),
    ("minorities", "Cá nhân dân tộc thiểu số", IND & ~Q(snapshot_ethnicity__in=["", MAJORITY_ETHNICITY]), "individual"),
    ("hardship", "Vùng khó khăn", Q(snapshot_hardship=True), "total"),
]
BASE_LABELS = {"individual": "cá nhân được khen", "collective": "tập thể được khen", "total": "lượt khen thưởng"}


def percent(count: int, base: int) -> Decimal | None:
    """``count`` of ``base`` in per cent, two decimals, half up; None when the base is empty."""
    if not base:
        return None
    return (Decimal(100 * count) / Decimal(base)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass
class Share:
    key: str
    label: str
    count: int
    base: int
    base_label: str
    pct: Decimal | None


@dataclass
class AnnualSummary:
    year: int
    scope: Unit | None
    by_kind: list[dict]
    totals: dict
    by_level: list[dict]
    by_subject: list[tuple[str, int]]
    shares: list[Share]
    by_unit: list[dict]
    by_campaign: list[dict]
    by_bloc: list[dict]
    previous: dict
    previous_totals: dict
    revoked: list[Award] = field(default_factory=list)

    @property
    def scope_name(self) -> str:
        return self.scope.name if self.scope else ""


def report_scope(user) -> Unit | None:
    """None for province readers (the whole province); a unit user's own unit otherwise."""
    if user.is_superuser or user.role in {Role.STAFF, Role.VIEWER}:
        return None
    return user.unit


def can_read_reports(user) -> bool:
    return user.is_authenticated and (
        user.is_superuser or user.role in {Role.STAFF, Role.VIEWER} or (user.is_unit_user and user.unit_id)
    )


def awards_of(scope: Unit | None) -> QuerySet[Award]:
    qs = Award.objects.all()
    if scope is not None:
        qs = qs.filter(snapshot_unit__path__startswith=scope.path)
    return qs


def _subject_counts() -> dict:
    return {
        "collective": Count("id", filter=COLL),
        "individual": Count("id", filter=IND),
        "household": Count("id", filter=Q(subject_type=SubjectType.HOUSEHOLD)),
        "total": Count("id"),
        "amount": Sum("amount"),
    }


def _blank_totals() -> dict:
    return {"collective": 0, "individual": 0, "household": 0, "total": 0, "amount": 0}


def _add(into: dict, row: dict) -> None:
    for key in ("collective", "individual", "household", "total", "amount"):
        into[key] += row[key] or 0


def annual_summary(year: int, *, scope: Unit | None = None) -> AnnualSummary:
    """The year's figures for the province (``scope`` None) or a unit's subtree. Seven queries."""
    base = awards_of(scope)
    in_force = base.filter(status=AwardStatus.IN_FORCE)

    # 1. counts and money by kind, this year and the previous one
    kind_rows = (
        in_force.filter(year__in=[year, year - 1])
        .values("year", "kind__code", "kind__name", "kind__level", "kind__rank")
        .annotate(**_subject_counts())
        .order_by()
    )
    level_pos = {lvl: i for i, lvl in enumerate(LEVEL_ORDER)}
    by_kind, previous = [], {}
    for row in kind_rows:
        item = {
            "code": row["kind__code"], "name": row["kind__name"], "level": row["kind__level"],
            "level_label": str(Level(row["kind__level"]).label) if row["kind__level"] in Level.values else row["kind__level"],
            "rank": row["kind__rank"], "collective": row["collective"], "individual": row["individual"],
            "household": row["household"], "total": row["total"], "amount": row["amount"] or 0,
        }
        if row["year"] == year:
            by_kind.append(item)
        else:
            previous[item["code"]] = item
    order_key = lambda r: (level_pos.get(r["level"], 9), -r["rank"], r["code"])  # noqa: E731
    by_kind.sort(key=order_key)
    totals, previous_totals = _blank_totals(), _blank_totals()
    levels = {lvl: {"level": lvl, "label": str(Level(lvl).label), **_blank_totals()} for lvl in LEVEL_ORDER}
    for item in by_kind:
        _add(totals, item)
        if item["level"] in levels:
            _add(levels[item["level"]], item)
    for item in previous.values():
        _add(previous_totals, item)
    for item in by_kind:
        prev = previous.get(item["code"])
        item["previous_total"] = prev["total"] if prev else 0
        item["change"] = item["total"] - item["previous_total"]
    # kinds granted last year but not this year still show in the comparison
    comparison_only = sorted((p for c, p in previous.items() if c not in {k["code"] for k in by_kind}), key=order_key)
    for item in comparison_only:
        item["previous_total"], item["change"] = item["total"], -item["total"]

    # 2. the five shares and their bases
    agg = in_force.filter(year=year).aggregate(
        individual=Count("id", filter=IND), collective=Count("id", filter=COLL), total=Count("id"),
        **{key: Count("id", filter=cond) for key, _, cond, _ in SHARE_DEFS},
    )
    shares = [
        Share(key, label, agg[key], agg[base_key], BASE_LABELS[base_key], percent(agg[key], agg[base_key]))
        for key, label, _, base_key in SHARE_DEFS
    ]

    # 3-4. by unit one level below the scope (the province's top-level units)
    depth = scope.path.count("/") if scope else 2  # number of path segments + 1 in the group key
    unit_rows = list(in_force.filter(year=year).values("snapshot_unit__path").annotate(**_subject_counts()).order_by())
    groups: dict[str, dict] = defaultdict(_blank_totals)
    for row in unit_rows:
        parts = row["snapshot_unit__path"].strip("/").split("/")
        key = "/" + "/".join(parts[:depth]) + "/"
        _add(groups[key], row)
    names = {u["path"]: u for u in Unit.objects.filter(path__in=list(groups)).values("path", "code", "name")}
    by_unit = sorted(
        ({"code": names.get(p, {}).get("code", p), "name": names.get(p, {}).get("name", p), "path": p, **g}
         for p, g in groups.items()),
        key=lambda r: (-r["total"], r["name"]),
    )

    # 5. by campaign
    by_campaign = [
        {"code": r["campaign__code"], "name": r["campaign__name"], **{k: r[k] or 0 for k in _blank_totals()}}
        for r in in_force.filter(year=year, campaign__isnull=False)
        .values("campaign__code", "campaign__name").annotate(**_subject_counts()).order_by("-total", "campaign__code")
    ]

    # 6. revoked awards of the year, listed apart
    revoked = list(
        base.filter(year=year, status=AwardStatus.REVOKED)
        .select_related("kind", "person", "unit", "household", "snapshot_unit")
        .order_by("revoked_date", "id")
    )

    return AnnualSummary(
        year=year, scope=scope, by_kind=by_kind, totals=totals,
        by_level=[levels[lvl] for lvl in LEVEL_ORDER],
        by_subject=[(str(s.label), totals[s.value]) for s in SUBJECTS],
        shares=shares, by_unit=by_unit, by_campaign=by_campaign, by_bloc=_by_bloc(unit_rows, year),
        previous={"kinds": comparison_only, "by_code": previous}, previous_totals=previous_totals, revoked=revoked,
    )


def _by_bloc(unit_rows, year: int) -> list[dict]:
    """Awards per emulation bloc of the year: a member unit counts with its whole subtree (one query)."""
    from blocs.models import Membership

    members = list(
        Membership.objects.filter(group_year__year=year)
        .values("unit__path", "group_year__group__code", "group_year__group__name").order_by()
    )
    if not members:
        return []
    blocs: dict[str, dict] = {}
    for m in members:
        code = m["group_year__group__code"]
        bloc = blocs.setdefault(code, {"code": code, "name": m["group_year__group__name"], "members": 0, **_blank_totals()})
        bloc["members"] += 1
        for row in unit_rows:
            if row["snapshot_unit__path"].startswith(m["unit__path"]):
                _add(bloc, row)
    return sorted(blocs.values(), key=lambda b: (-b["total"], b["name"]))


def documents_visible_to(user) -> QuerySet:
    """Generated documents a user may open: staff all; viewers province-wide ones; unit users
    those about their own subtree."""
    from .models import GeneratedDocument

    qs = GeneratedDocument.objects.select_related("created_by", "scope_unit")
    if user.is_superuser or user.role == Role.STAFF:
        return qs
    if user.role == Role.VIEWER:
        return qs.filter(scope_unit__isnull=True)
    if user.is_unit_user and user.unit_id:
        return qs.filter(scope_unit__path__startswith=user.unit.path)
    return qs.none()

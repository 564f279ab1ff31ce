"""Totals and ranking of a group-year, as pure functions over loaded rows (no queries here)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from .enums import CriterionKind, TieRule

ZERO = Decimal("0")


def fmt_points(value: Decimal | None) -> str:
    """``20`` for 20.00, ``7,5`` for 7.50 (Vietnamese decimal comma); empty for None."""
    if value is None:
        return ""
    return format(value.normalize(), "f").replace(".", ",")


@dataclass
class SheetTotal:
    unit_id: int
    self_total: Decimal = ZERO
    verified_total: Decimal = ZERO
    penalty_count: int = 0
    first_criterion: Decimal = ZERO
    unverified: int = 0  # self-scored lines the head has not verified yet
    missing: int = 0  # leaf criteria with no self score


@dataclass
class Ranked:
    rank: int
    total: SheetTotal = field(repr=False)


def leaves(criteria: Sequence) -> list:
    """Criteria with no children: the lines that are scored."""
    parents = {c.parent_id for c in criteria if c.parent_id}
    return [c for c in criteria if c.pk not in parents]


def top_ancestor_ids(criteria: Sequence) -> dict[int, int]:
    by_id = {c.pk: c for c in criteria}
    result = {}
    for c in criteria:
        node = c
        while node.parent_id:
            node = by_id[node.parent_id]
        result[c.pk] = node.pk
    return result


def first_regular_root(criteria: Sequence):
    roots = sorted((c for c in criteria if not c.parent_id and c.kind == CriterionKind.REGULAR), key=lambda c: (c.order, c.pk))
    return roots[0].pk if roots else None


def sheet_totals(unit_ids: Iterable[int], criteria: Sequence, scores: Iterable) -> dict[int, SheetTotal]:
    """Per unit: self and verified totals (penalties subtracted), penalty count, criterion-1 points.

    An unverified line counts in the verified total at its self score (provisional until verified).
    """
    leaf_list = leaves(criteria)
    leaf_by_id = {c.pk: c for c in leaf_list}
    roots = top_ancestor_ids(criteria)
    first = first_regular_root(criteria)
    totals = {uid: SheetTotal(uid, missing=len(leaf_list)) for uid in unit_ids}
    for s in scores:
        total = totals.get(s.unit_id)
        criterion = leaf_by_id.get(s.criterion_id)
        if total is None or criterion is None:
            continue
        sign = -1 if criterion.kind == CriterionKind.PENALTY else 1
        self_points = s.self_points if s.self_points is not None else None
        verified = s.verified_points if s.verified_points is not None else self_points
        if self_points is not None:
            total.missing -= 1
            total.self_total += sign * self_points
            if s.verified_points is None:
                total.unverified += 1
        if verified is not None:
            total.verified_total += sign * verified
            if criterion.kind == CriterionKind.PENALTY and verified > 0:
                total.penalty_count += 1
            if roots.get(criterion.pk) == first:
                total.first_criterion += verified
    return totals


def rank(totals: Iterable[SheetTotal], tie_rule: str) -> list[Ranked]:
    """Competition ranking (1, 2, 2, 4) by verified total, ties broken per ``tie_rule``."""
    if tie_rule == TieRule.PENALTIES_THEN_FIRST:
        def key(t):
            return (-t.verified_total, t.penalty_count, -t.first_criterion)
    else:
        def key(t):
            return (-t.verified_total,)
    ordered = sorted(totals, key=lambda t: (key(t), t.unit_id))
    ranked: list[Ranked] = []
    for position, total in enumerate(ordered, start=1):
        if ranked and key(ranked[-1].total) == key(total):
            ranked.append(Ranked(ranked[-1].rank, total))
        else:
            ranked.append(Ranked(position, total))
    return ranked

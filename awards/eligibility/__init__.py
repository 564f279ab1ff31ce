"""The eligibility engine: which titles and forms a subject qualifies for in a year, and why.

This module is the public interface other areas code against (the workflow checks nomination
lines with it). Everything behind it lives in the sibling modules:

- ``history``: loads the history of many subjects at once, in a fixed number of queries, into
  plain ``SubjectHistory`` dataclasses;
- ``rules``: pure functions over a history, each with a code, its legal article and its period;
- ``configured``: staff-configured criteria for the kinds the law fact sheet marks UNCONFIRMED;
- ``params``: the province policy parameters of this area (caps, thresholds, rule switches);
- ``engine``: runs the rules and builds verdicts; ``caps``: quota headroom of a unit.

``params``: when given, a complete parameter dict (for example ``load_params()`` with some values
changed, as the what-if preview does); missing keys fall back to the defaults. When ``None``, the
stored parameters are loaded (one query).
"""

from __future__ import annotations

from typing import NamedTuple


class Reason(NamedTuple):
    """One condition of a verdict, with its legal article. Immutable (a named tuple: a province
    scan builds millions of them, and a frozen dataclass costs five times as much to create)."""

    rule: str
    passed: bool
    detail: str
    article: str = ""


class Verdict(NamedTuple):
    subject_type: str  # "individual" | "collective" | "household"
    subject_code: str
    award: str  # award kind code
    year: int
    eligible: bool
    reasons: tuple[Reason, ...]
    configured: bool = False  # True when criteria came from staff-configured policy


def kinds_with_rules() -> set[str]:
    """Every award kind code for which the engine has rules (for any subject type)."""
    from .engine import kinds_with_rules as _kinds

    return _kinds()


def evaluate(*, subject_type: str, subject, kind_code: str, year: int, params: dict | None = None) -> Verdict | None:
    """The verdict of one subject (a Person, Unit or Household, or its code) for one kind.

    ``None`` when the engine has no rules for that kind and subject type.
    """
    from .engine import evaluate as _evaluate

    return _evaluate(subject_type=subject_type, subject=subject, kind_code=kind_code, year=year, params=params)


def evaluate_many(*, subject_type: str, subjects: list, kind_codes: list[str], year: int, params: dict | None = None) -> list[Verdict]:
    """Verdicts for every subject × kind with rules, in a fixed number of queries."""
    from .engine import evaluate_many as _evaluate_many

    return _evaluate_many(subject_type=subject_type, subjects=subjects, kind_codes=kind_codes, year=year, params=params)


def check_caps(*, unit, year: int, proposed: dict[str, int], params: dict | None = None) -> list[Reason]:
    """Quota headroom of ``unit`` (and its subtree) for ``year`` if ``proposed`` {kind: count} were added.

    One Reason per active cap; ``passed`` is False when the proposal would exceed it.
    """
    from .caps import check_caps as _check_caps

    return _check_caps(unit=unit, year=year, proposed=proposed, params=params)


__all__ = ["Reason", "Verdict", "check_caps", "evaluate", "evaluate_many", "kinds_with_rules"]

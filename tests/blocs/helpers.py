from decimal import Decimal

from blocs import services
from blocs.services import ScoreEntry


def score_and_verify(gy, unit, points: dict, actor_self, actor_verify, criteria, adjust: dict | None = None):
    """Self-score ``unit`` with ``points`` {number: value} and verify, optionally adjusting {number: (value, reason)}."""
    from .conftest import DEADLINE

    entries = [ScoreEntry(criteria[n], Decimal(str(v)), f"Minh chứng {n}") for n, v in points.items()]
    services.self_score_submit(actor=actor_self, group_year=gy, unit=unit, entries=entries, today=DEADLINE)
    adjust = adjust or {}
    verify = []
    for n, v in points.items():
        value, reason = adjust.get(n, (v, ""))
        verify.append(ScoreEntry(criteria[n], Decimal(str(value)), reason))
    services.scores_verify(actor=actor_verify, group_year=gy, unit=unit, entries=verify)

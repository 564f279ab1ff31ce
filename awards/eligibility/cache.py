"""A cache of computed verdict lists, for pages that judge many subjects on every visit (a unit's
eligibility list judges every person of the subtree for every kind).

Verdicts change only when the records they are computed from change, and every such change is
written to the activity log in the same transaction (``core.audit.log_action``); superuser edits
in the Django admin go to the admin's own log. The cache key therefore carries a *generation* read
from both logs: the newest row id and how many rows the newest ``WINDOW`` ids hold. The count
catches a transaction that took its id before another one but committed after it (its row appears
below the newest id and raises the count). The parameter set, the language, the year and the
reader's scope are part of the key too. ``ELIGIBILITY_CACHE_SECONDS`` bounds how long an entry
lives regardless (0 turns the cache off).

Four small indexed queries per look-up (the newest id and the recent count of each log), whatever
the size of the list. The cache is Django's default cache: files under ``var/cache`` with the
embedded default (shared by the machine's processes), Redis when ``CACHE_URL`` points at it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.utils.translation import get_language

T = TypeVar("T")
WINDOW = 1000
VERSION = 2  # bump when what the rules compute changes shape, so old entries are never read


def timeout() -> int:
    return int(getattr(settings, "ELIGIBILITY_CACHE_SECONDS", 600))


def generation() -> str:
    """Changes whenever an audited change (or an admin edit) has committed."""
    from django.contrib.admin.models import LogEntry

    from core.models import ActivityLog

    parts = []
    for model in (ActivityLog, LogEntry):
        newest = model.objects.aggregate(m=Max("id"))["m"] or 0
        recent = model.objects.aggregate(n=Count("id", filter=Q(id__gt=newest - WINDOW)))["n"] if newest else 0
        parts.append(f"{newest}.{recent}")
    return "-".join(parts)


def params_digest(params: dict[str, Any]) -> str:
    raw = json.dumps(params, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(raw.encode()).hexdigest()[:16]


def scope_of(user) -> str:
    """The reader's scope as the key sees it: the whole province, or the path of their unit."""
    from org.queries import sees_whole_province

    if sees_whole_province(user):
        return "province"
    return f"unit:{getattr(getattr(user, 'unit', None), 'path', '')}"


def cached(name: str, parts: tuple, params: dict[str, Any], compute: Callable[[], T]) -> tuple[T, bool]:
    """(value, True when it came from the cache). ``compute`` runs on a miss and its result is stored."""
    seconds = timeout()
    if seconds <= 0:
        return compute(), False
    key = ":".join(str(p) for p in ("elig", VERSION, name, *parts, get_language(), params_digest(params), generation()))
    key = f"elig:{hashlib.sha256(key.encode()).hexdigest()}"
    found = cache.get(key)
    if found is not None:
        return found, True
    value = compute()
    cache.set(key, value, seconds)
    return value, False

"""A cached ``gettext`` for the engine: a province scan formats hundreds of thousands of explanations,
and Django's ``gettext`` costs tens of microseconds per call. The cache is per language; the active
language is captured per thread when a scan starts (``activate_cache``) and read lazily otherwise.
"""

import threading

from django.utils.translation import get_language, gettext

_state = threading.local()
_cache: dict[tuple[str | None, str], str] = {}


def activate_cache() -> None:
    _state.lang = get_language()


def _(message: str) -> str:
    lang = getattr(_state, "lang", None)
    if lang is None:
        lang = get_language()
    key = (lang, message)
    found = _cache.get(key)
    if found is None:
        found = _cache[key] = gettext(message)
    return found

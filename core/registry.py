"""Discovery of per-app navigation and dashboard panels.

Each domain app may offer ``<app>/nav.py`` with ``items(user) -> list[NavItem]``,
``<app>/dashboard.py`` with ``panels(user) -> list[Panel]`` and ``<app>/demo.py`` with
``seed(ctx)``; a large app may split each into ``nav_<area>.py`` and so on, one per area. Core
finds them through the app registry, so it never imports a domain app by name and each area owns
its own entries.
"""

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from pkgutil import iter_modules

from django.apps import apps


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    section: str = ""
    order: int = 100
    active_prefix: str = ""


@dataclass
class Panel:
    """A dashboard card: a title and figures, each figure a (label, value, url) triple."""

    title: str
    figures: list[tuple[str, object, str]] = field(default_factory=list)
    order: int = 100
    rows: list[tuple[str, str]] = field(default_factory=list)  # (text, url) lines under the figures


@cache
def _modules(name: str) -> list:
    """``<app>.<name>`` and ``<app>.<name>_<area>`` modules of the project's own apps."""
    found = []
    for config in apps.get_app_configs():
        if not config.module.__file__ or "site-packages" in config.module.__file__:
            continue
        for info in sorted(iter_modules([config.path]), key=lambda m: m.name):
            if info.name == name or info.name.startswith(f"{name}_"):
                found.append(import_module(f"{config.name}.{info.name}"))
    return found


def nav_items(user) -> list[NavItem]:
    items: list[NavItem] = []
    for module in _modules("nav"):
        items.extend(module.items(user))
    # Each section appears once, placed by its first item; items keep their order inside it.
    section_rank: dict[str, int] = {}
    for item in items:
        section_rank[item.section] = min(item.order, section_rank.get(item.section, item.order))
    return sorted(items, key=lambda item: (section_rank[item.section], item.section, item.order, item.label))


def dashboard_panels(user) -> list[Panel]:
    panels: list[Panel] = []
    for module in _modules("dashboard"):
        panels.extend(module.panels(user))
    return sorted(panels, key=lambda panel: panel.order)


def demo_modules() -> list:
    """``<app>/demo.py`` modules, in their ``ORDER`` (units before users before history...)."""
    return sorted(_modules("demo"), key=lambda m: getattr(m, "ORDER", 100))

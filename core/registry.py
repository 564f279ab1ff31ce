"""Discovery of per-app navigation and dashboard panels.

Each domain app may offer ``<app>/nav.py`` with ``items(user) -> list[NavItem]`` and
``<app>/dashboard.py`` with ``panels(user) -> list[Panel]``. Core finds them through the app
registry, so it never imports a domain app by name and each app owns its own entries.
"""

from dataclasses import dataclass, field
from functools import cache
from importlib import import_module

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
    found = []
    for config in apps.get_app_configs():
        if not config.module.__file__ or "site-packages" in config.module.__file__:
            continue
        try:
            found.append(import_module(f"{config.name}.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"{config.name}.{name}":
                raise
    return found


def nav_items(user) -> list[NavItem]:
    items: list[NavItem] = []
    for module in _modules("nav"):
        items.extend(module.items(user))
    return sorted(items, key=lambda item: (item.order, item.label))


def dashboard_panels(user) -> list[Panel]:
    panels: list[Panel] = []
    for module in _modules("dashboard"):
        panels.extend(module.panels(user))
    return sorted(panels, key=lambda panel: panel.order)


def demo_modules() -> list:
    """``<app>/demo.py`` modules, in their ``ORDER`` (units before users before history...)."""
    return sorted(_modules("demo"), key=lambda m: getattr(m, "ORDER", 100))

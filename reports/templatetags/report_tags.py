from decimal import Decimal

from django import template

register = template.Library()


@register.filter
def num(value) -> str:
    """Whole numbers as Vietnamese documents write them: ``12.345``."""
    if value in (None, ""):
        return "—"
    return f"{int(value):,}".replace(",", ".")


@register.filter
def pct(value) -> str:
    """A percentage with a decimal comma: ``42,86``; a dash when there is no base."""
    if value is None:
        return "—"
    return f"{Decimal(value):.2f}".replace(".", ",")


@register.filter
def signed(value) -> str:
    value = int(value or 0)
    return f"+{value:,}".replace(",", ".") if value > 0 else f"{value:,}".replace(",", ".")

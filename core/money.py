"""Money arithmetic: integer VND, Decimal coefficients, rounding up to a step."""

from decimal import ROUND_CEILING, Decimal


def round_up(amount: Decimal | int, step: int) -> int:
    """Round ``amount`` up to the next multiple of ``step`` VND (an exact multiple stays)."""
    if step <= 1:
        return int(Decimal(amount).to_integral_value(rounding=ROUND_CEILING))
    units = (Decimal(amount) / Decimal(step)).to_integral_value(rounding=ROUND_CEILING)
    return int(units) * step


def format_vnd(amount: int | None) -> str:
    """``1234567`` → ``1.234.567 đ`` as Vietnamese documents write it."""
    if amount is None:
        return "—"
    return f"{amount:,}".replace(",", ".") + " đ"

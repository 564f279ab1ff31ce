"""Server-generated SVG charts: the same markup goes into the page and into the PDF.

Pure functions from figures to an SVG string (labels escaped); no JavaScript, no external files.
"""

import math
from xml.sax.saxutils import escape

from django.utils.safestring import SafeString, mark_safe

from .fonts import serif_family

PALETTE = ("#b3261e", "#1f5fa8", "#e0a100", "#2e7d32", "#6a1b9a", "#00838f", "#8d6e63", "#546e7a")


def _num(value: float) -> str:
    return f"{value:,.0f}".replace(",", ".") if float(value).is_integer() else f"{value:.1f}".replace(".", ",")


def _fmt(value: float, unit: str) -> str:
    if unit == "%":
        return f"{value:.2f}".replace(".", ",") + " %"
    return _num(value)


def _svg(width: int, height: int, body: list[str], title: str) -> SafeString:
    # Every label and title is escaped above; the numbers are formatted here.
    return mark_safe(  # noqa: S308
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(title, {chr(34): "&quot;"})}" '
        f'font-family="{serif_family()}, DejaVu Serif, serif" font-size="11">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>"
    )


def bar_chart(items: list[tuple[str, float]], *, title: str, width: int = 560, bar_height: int = 18,
              label_width: int = 200, color: str = PALETTE[0], unit: str = "") -> SafeString:
    """Horizontal bars, one per (label, value), value written at the end of the bar."""
    gap = 6
    height = max(1, len(items)) * (bar_height + gap) + 8
    top = max((v for _, v in items), default=0) or 1
    span = width - label_width - 60
    body = []
    for i, (label, value) in enumerate(items):
        y = 4 + i * (bar_height + gap)
        w = max(0.0, span * value / top)
        text = escape(str(label)[:40])
        body.append(
            f'<text x="{label_width - 6}" y="{y + bar_height * 0.72:.1f}" text-anchor="end">{text}</text>'
            f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_height}" fill="{color}"/>'
            f'<text x="{label_width + w + 4:.1f}" y="{y + bar_height * 0.72:.1f}">{_fmt(value, unit)}</text>'
        )
    return _svg(width, height, body, title)


def pie_chart(items: list[tuple[str, float]], *, title: str, size: int = 180, width: int = 420) -> SafeString:
    """A pie with a legend; a single non-zero slice is drawn as a full circle."""
    total = sum(v for _, v in items)
    r = size / 2 - 4
    cx = cy = size / 2
    body = []
    angle = -math.pi / 2
    nonzero = [(label, v) for label, v in items if v > 0]
    for i, (label, value) in enumerate(items):
        color = PALETTE[i % len(PALETTE)]
        if total and value > 0:
            if len(nonzero) == 1:
                body.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{color}"/>')
            else:
                sweep = 2 * math.pi * value / total
                x1, y1 = cx + r * math.cos(angle), cy + r * math.sin(angle)
                angle += sweep
                x2, y2 = cx + r * math.cos(angle), cy + r * math.sin(angle)
                large = 1 if sweep > math.pi else 0
                body.append(
                    f'<path d="M{cx},{cy} L{x1:.2f},{y1:.2f} A{r},{r} 0 {large} 1 {x2:.2f},{y2:.2f} Z" fill="{color}"/>'
                )
        share = f" ({100 * value / total:.1f}%)".replace(".", ",") if total else ""
        ly = 14 + i * 20
        body.append(
            f'<rect x="{size + 14}" y="{ly - 10}" width="12" height="12" fill="{color}"/>'
            f'<text x="{size + 32}" y="{ly}">{escape(str(label))}: {_num(value)}{share}</text>'
        )
    if not total:
        body.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="none" stroke="#999"/>')
    return _svg(width, max(size, 20 * len(items) + 10), body, title)


def stacked_bar_chart(rows: list[tuple[str, list[float]]], series: list[str], *, title: str, width: int = 560,
                      bar_height: int = 16, label_width: int = 200) -> SafeString:
    """Horizontal stacked bars: each row split into the ``series`` parts, legend underneath."""
    gap = 6
    top = max((sum(parts) for _, parts in rows), default=0) or 1
    span = width - label_width - 60
    body = []
    for i, (label, parts) in enumerate(rows):
        y = 4 + i * (bar_height + gap)
        x = float(label_width)
        body.append(f'<text x="{label_width - 6}" y="{y + bar_height * 0.75:.1f}" text-anchor="end">{escape(str(label)[:40])}</text>')
        for j, value in enumerate(parts):
            w = span * value / top
            if w > 0:
                body.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_height}" fill="{PALETTE[j % len(PALETTE)]}"/>')
            x += w
        body.append(f'<text x="{x + 4:.1f}" y="{y + bar_height * 0.75:.1f}">{_num(sum(parts))}</text>')
    legend_y = 4 + len(rows) * (bar_height + gap) + 10
    x = float(label_width)
    for j, name in enumerate(series):
        body.append(
            f'<rect x="{x:.1f}" y="{legend_y - 9}" width="10" height="10" fill="{PALETTE[j % len(PALETTE)]}"/>'
            f'<text x="{x + 14:.1f}" y="{legend_y}">{escape(name)}</text>'
        )
        x += 14 + 7 * len(name) + 16
    return _svg(width, legend_y + 8, body, title)

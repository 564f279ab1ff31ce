"""Field positions for printing on pre-printed certificate blanks (A4 landscape, mm)."""

from decimal import Decimal

from .models import CertificateField, CertificateFieldPosition

# x, y, width (mm), font size (pt): a common Bằng khen blank with the emblem and heading printed.
DEFAULTS = {
    CertificateField.NAME: (48, 88, 200, 22),
    CertificateField.UNIT: (48, 104, 200, 15),
    CertificateField.ACHIEVEMENT: (48, 118, 200, 14),
    CertificateField.PLACE_DATE: (150, 150, 110, 13),
    CertificateField.NUMBER: (30, 178, 100, 12),
}


def positions() -> dict[str, dict]:
    """Every field with its position: stored rows over the defaults (one query)."""
    out = {f: {"x": Decimal(x), "y": Decimal(y), "w": Decimal(w), "pt": Decimal(pt), "label": CertificateField(f).label}
           for f, (x, y, w, pt) in DEFAULTS.items()}
    for row in CertificateFieldPosition.objects.all():
        out[row.field] = {"x": row.x_mm, "y": row.y_mm, "w": row.width_mm, "pt": row.font_pt, "label": row.get_field_display()}
    return out


def position_css() -> str:
    """The stored positions as print CSS (no inline styles: the rules come from the data here)."""
    rules = []
    for field, p in positions().items():
        rules.append(
            f".blank .f-{field} {{ position: absolute; left: {p['x']}mm; top: {p['y']}mm; width: {p['w']}mm; font-size: {p['pt']}pt; }}"
        )
    return "\n".join(rules)

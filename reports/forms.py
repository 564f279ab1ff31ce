from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CertificateField


class CertificatePositionsForm(forms.Form):
    """x, y, width (mm) and font size (pt) of every field on the pre-printed blank."""

    def __init__(self, *args, initial_positions: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for field in CertificateField:
            p = initial_positions[field.value]
            names = []
            for key, label, lo, hi in (("x", _("Ngang (mm)"), 0, 297), ("y", _("Dọc (mm)"), 0, 210),
                                       ("w", _("Rộng (mm)"), 1, 297), ("pt", _("Cỡ chữ (pt)"), 4, 72)):
                name = f"{field.value}_{key}"
                self.fields[name] = forms.DecimalField(
                    label=f"{field.label} – {label}", initial=p[key], min_value=Decimal(lo), max_value=Decimal(hi),
                    max_digits=5, decimal_places=1,
                )
                names.append(name)
            self.rows.append((field.label, [self[n] for n in names]))

    def positions(self) -> dict[str, dict]:
        d = self.cleaned_data
        return {f.value: {k: d[f"{f.value}_{k}"] for k in ("x", "y", "w", "pt")} for f in CertificateField}

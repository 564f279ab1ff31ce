"""Which serif the documents use: the first Times-compatible family installed with every
Vietnamese letter, DejaVu Serif otherwise. Kept apart from ``pdf_engine`` so that the web pages'
charts can use it without importing WeasyPrint."""

import subprocess
from functools import cache

# Times-compatible first, DejaVu Serif as the fallback that always covers Vietnamese.
SERIF_CANDIDATES = ("Liberation Serif", "Tinos", "DejaVu Serif")
# Letters that old font releases lack (Debian's fonts-liberation 1.07 has no ơ, ư, ạ...).
VIETNAMESE_PROBE = "ơưăđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"


@cache
def serif_family() -> str:
    """The first candidate serif family installed with every Vietnamese letter (fontconfig)."""
    for family in SERIF_CANDIDATES:
        try:
            out = subprocess.run(
                ["fc-list", f"{family}:charset={' '.join(f'{ord(c):x}' for c in VIETNAMESE_PROBE)}", "family"],
                capture_output=True, text=True, timeout=10, check=False,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            continue
        if family.lower() in out.lower():
            return family
    return "DejaVu Serif"

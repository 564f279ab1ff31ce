"""WeasyPrint without Django: the local-only URL fetcher, the font choice and HTML → PDF bytes.

Kept free of Django imports so worker processes of the parallel renderer (``reports.parallel``)
start fast and need no settings; ``reports.pdf`` is the Django-side entry point.
"""

import logging
import unicodedata
from pathlib import Path
from urllib.parse import unquote, urlsplit

# WeasyPrint logs every layout step at INFO (from its import on); only problems matter here.
logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

from weasyprint import CSS, HTML  # noqa: E402
from weasyprint.text.fonts import FontConfiguration  # noqa: E402
from weasyprint.urls import URLFetcher, URLFetcherResponse, URLFetchingError  # noqa: E402

from .fonts import SERIF_CANDIDATES, VIETNAMESE_PROBE, serif_family  # noqa: E402, F401 - re-exported


class LocalOnlyFetcher(URLFetcher):
    """Serves ``data:`` URIs and ``file://`` paths inside the allowed directories; refuses the rest.

    Document content never makes WeasyPrint open a network connection (SSRF, CVE-2026-55073)
    nor read a file outside the project's static files.
    """

    def __init__(self, roots: list[str] | tuple[str, ...] = (), **kwargs):
        super().__init__(allowed_protocols=["file", "data"], allow_redirects=False, **kwargs)
        self.roots = [Path(r).resolve() for r in roots]

    def fetch(self, url, headers=None):
        scheme = urlsplit(url).scheme.lower()
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            path = Path(unquote(urlsplit(url).path)).resolve()
            if any(path.is_relative_to(root) for root in self.roots) and path.is_file():
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": _content_type(path)})
        raise URLFetchingError(f"Refused to fetch {url!r}: only local static files and data: URIs")


def _content_type(path: Path) -> str:
    return {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg"}.get(
        path.suffix.lower(), "application/octet-stream"
    )


def font_css() -> str:
    family = serif_family()
    stack = ", ".join(f'"{f}"' for f in dict.fromkeys([family, "DejaVu Serif"])) + ", serif"
    return f":root {{ --doc-font: {stack}; }} html {{ font-family: {stack}; }}"


_font_config = None


def font_config() -> FontConfiguration:
    """One per process (building it costs more than rendering a certificate)."""
    global _font_config
    if _font_config is None:
        _font_config = FontConfiguration()
    return _font_config


_css_cache: dict[tuple, CSS] = {}


def _stylesheet(text: str, base_url: str, roots: tuple[str, ...]) -> CSS:
    """Parsed once per process: parsing print.css costs about as much as laying out a certificate.

    A parsed ``CSS`` holds no per-document state, so every render reuses it; the key has the
    text itself, so stylesheets built from stored data (blank-certificate positions) are fresh
    whenever the data changes. Few distinct texts exist; the cache is cleared if it ever grows.
    """
    key = (text, base_url, roots)
    sheet = _css_cache.get(key)
    if sheet is None:
        if len(_css_cache) > 64:
            _css_cache.clear()
        sheet = _css_cache[key] = CSS(
            string=text, font_config=font_config(), url_fetcher=LocalOnlyFetcher(roots), base_url=base_url
        )
    return sheet


def html_to_pdf(html: str, *, base_url: str, roots: list[str], css_texts: list[str] = ()) -> bytes:
    """Render an HTML string (NFC-normalised here) to PDF bytes with only local resources."""
    fetcher = LocalOnlyFetcher(roots)
    fc = font_config()
    stylesheets = [_stylesheet(text, base_url, tuple(roots)) for text in (font_css(), *css_texts)]
    doc = HTML(string=unicodedata.normalize("NFC", html), base_url=base_url, url_fetcher=fetcher)
    return doc.write_pdf(stylesheets=stylesheets, font_config=fc)


def render_chunk(args: tuple[str, str, list[str], list[str]]) -> bytes:
    """Worker entry point of the parallel renderer: (html, base_url, roots, css_texts) → PDF."""
    html, base_url, roots, css_texts = args
    return html_to_pdf(html, base_url=base_url, roots=roots, css_texts=css_texts)

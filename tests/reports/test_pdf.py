"""PDF infrastructure: local-only fetching, Vietnamese text, document header, page numbers."""

import subprocess
import unicodedata
import urllib.request

import pytest
from weasyprint.urls import URLFetchingError

from reports import pdf, pdf_engine
from reports.pagenum import join_and_number
from tests.reports.helpers import flat_text, pdf_text

BASES = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY"
TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]  # huyền, hỏi, ngã, sắc, nặng


def all_vietnamese_letters() -> str:
    letters = [unicodedata.normalize("NFC", base + tone) for base in BASES for tone in TONES]
    return " ".join(letters) + " đ Đ"


def test_fetcher_refuses_network_urls():
    fetcher = pdf_engine.LocalOnlyFetcher(pdf.static_roots())
    for url in ["http://example.com/x.css", "https://127.0.0.1/logo.png", "ftp://example.com/a"]:
        with pytest.raises((URLFetchingError, ValueError)):
            fetcher.fetch(url)


def test_fetcher_refuses_files_outside_static(settings):
    fetcher = pdf_engine.LocalOnlyFetcher(pdf.static_roots())
    with pytest.raises(URLFetchingError):
        fetcher.fetch((settings.BASE_DIR / "manage.py").as_uri())
    with pytest.raises(URLFetchingError):
        fetcher.fetch(pdf.base_url() + "../config/settings.py")


def test_fetcher_serves_static_files_and_data_uris():
    fetcher = pdf_engine.LocalOnlyFetcher(pdf.static_roots())
    assert b"@page" in fetcher.fetch(pdf.base_url() + "css/print.css").read()
    assert fetcher.fetch("data:text/plain,xin%20chao").read() == b"xin chao"


def test_render_never_opens_a_network_connection(monkeypatch, tmp_path):
    opened = []
    original = urllib.request.OpenerDirector.open

    def spy(self, url, *args, **kwargs):
        target = url.full_url if hasattr(url, "full_url") else url
        opened.append(target)
        return original(self, url, *args, **kwargs)

    monkeypatch.setattr(urllib.request.OpenerDirector, "open", spy)
    html = (
        '<html lang="vi"><head><link rel="stylesheet" href="http://127.0.0.1:9/evil.css"></head>'
        '<body><img src="https://example.com/seal.png"><p>Con dấu</p></body></html>'
    )
    content = pdf.html_to_pdf(html)
    assert content.startswith(b"%PDF")
    assert not [u for u in opened if u.startswith("http")]
    assert "Con dấu" in pdf_text(content, tmp_path)


def test_every_vietnamese_letter_with_every_tone_extracts_back_in_nfc(tmp_path):
    letters = all_vietnamese_letters()
    # Arrive decomposed (as from macOS or some spreadsheets): the PDF must still hold NFC text.
    html = (
        f'<html lang="vi"><body><p class="noindent">{unicodedata.normalize("NFD", letters)}</p></body></html>'
    )
    text = pdf_text(pdf.html_to_pdf(html), tmp_path)
    # pdftotext guesses word gaps between single letters, so compare the letters themselves
    extracted = "".join(text.split())
    assert extracted.startswith(letters.replace(" ", ""))
    assert unicodedata.is_normalized("NFC", extracted)
    assert "\ufffd" not in extracted


def test_serif_family_covers_vietnamese():
    assert pdf_engine.serif_family() in pdf_engine.SERIF_CANDIDATES


def test_document_header_has_motto_issuer_number_and_place_date(settings, tmp_path):
    settings.PROVINCE_PLACE = "Demo"
    settings.PROVINCE_NAME = "Tỉnh Demo"
    import datetime

    ctx = pdf.document_context(number="12/BC-UBND", date=datetime.date(2026, 12, 2), title="Báo cáo thử")
    text = flat_text(pdf.render_pdf("pdf/base.html", ctx), tmp_path)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    assert "ỦY BAN NHÂN DÂN" in text and "TỈNH DEMO" in text
    assert "Số: 12/BC-UBND" in text
    assert "Demo, ngày 02 tháng 12 năm 2026" in text
    assert "Trang 1/1" in text


def test_join_and_number_gives_continuous_page_numbers(tmp_path):
    css = pdf.css_texts(("css/print-nofooter.css",))
    part = lambda n: pdf_engine.html_to_pdf(  # noqa: E731
        "".join(f'<p class="page-break">Phần trang {i}</p>' for i in range(n)),
        base_url=pdf.base_url(),
        roots=pdf.static_roots(),
        css_texts=css,
    )
    content, total = join_and_number([part(2), part(3)])
    text = pdf_text(content, tmp_path)
    assert total == 5
    assert [f"Trang {i}/5" in text for i in range(1, 6)] == [True] * 5
    assert "Trang 1/2" not in text


def _liberation_covers_vietnamese() -> bool:
    try:
        out = subprocess.run(
            ["fc-list", ":lang=vi", "family"], capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return False
    return "liberation serif" in out.lower()


def pdf_fonts(content: bytes, tmp_path) -> list[str]:
    """Base font names embedded in the PDF (``pdffonts``), without the subset prefix."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(content)
    lines = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    return [line.split()[0].split("+", 1)[-1] for line in lines if line.strip()]


@pytest.mark.skipif(
    not _liberation_covers_vietnamese(),
    reason="Liberation Serif with Vietnamese letters is not installed (apt-get install fonts-liberation2); "
    "PDFs use DejaVu Serif",
)
def test_pdf_embeds_liberation_serif_for_every_vietnamese_letter(tmp_path):
    letters = all_vietnamese_letters()
    html = (
        f'<html lang="vi"><body><p class="noindent">{letters}</p><p><b>Bằng khen Chủ tịch</b> '
        "<i>Ủy ban nhân dân tỉnh</i></p></body></html>"
    )
    content = pdf.html_to_pdf(html)
    fonts = [name.replace("-", "") for name in pdf_fonts(content, tmp_path)]  # "Liberation-Serif-Bold"
    # no letter fell back to another family: Liberation 1.07 would pull in DejaVu for ơ, ư, ạ...
    assert fonts and all(name.startswith("LiberationSerif") for name in fonts), fonts
    assert {"LiberationSerif", "LiberationSerifBold", "LiberationSerifItalic"} <= set(fonts)
    text = pdf_text(content, tmp_path)
    assert "".join(text.split()).startswith(letters.replace(" ", ""))
    assert "Bằng khen Chủ tịch Ủy ban nhân dân tỉnh" in " ".join(text.split())

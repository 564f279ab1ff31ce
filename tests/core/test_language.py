"""Vietnamese by default whatever the browser asks; English, complete, for whoever picks it."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

PO = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
MO = PO.with_suffix(".mo")


@pytest.fixture
def english_catalog():
    if not MO.exists() or MO.stat().st_mtime < PO.stat().st_mtime:
        pytest.fail("Danh mục tiếng Anh chưa được biên dịch: chạy `make messages` (make test tự làm việc này).")


def _entries(text: str):
    """(msgid, [msgstr...], flags) of every entry but the header."""
    for block in text.strip().split("\n\n")[1:]:
        lines = [ln for ln in block.splitlines() if not ln.startswith("#") or ln.startswith("#,")]
        flags = " ".join(ln for ln in lines if ln.startswith("#,"))
        parts, current = {}, None
        for ln in lines:
            m = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', ln)
            if m:
                current = m.group(1)
                parts[current] = m.group(2)
            elif ln.startswith('"') and current:
                parts[current] += ln[1:-1]
        yield parts.get("msgid", ""), [v for k, v in parts.items() if k.startswith("msgstr")], flags


def test_every_english_entry_is_translated_and_none_is_fuzzy():
    entries = list(_entries(PO.read_text(encoding="utf-8")))
    assert len(entries) > 1000
    untranslated = [msgid for msgid, strs, _f in entries if not all(strs)]
    fuzzy = [msgid for msgid, _s, flags in entries if "fuzzy" in flags]
    assert untranslated == [] and fuzzy == [], (untranslated[:5], fuzzy[:5])


@pytest.mark.django_db
def test_an_english_browser_still_gets_vietnamese(client):
    body = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in body and "Tên đăng nhập" in body and "Username" not in body


@pytest.mark.django_db
def test_the_selector_switches_the_whole_page_to_english(client, english_catalog):
    client.post(reverse("set_language"), {"language": "en", "next": reverse("accounts:login")})
    body = client.get(reverse("accounts:login")).content.decode()
    with translation.override("en"):
        sign_in = translation.gettext("Đăng nhập")
    assert sign_in != "Đăng nhập"
    assert 'lang="en"' in body and "Username" in body and sign_in in body
    assert "Tên đăng nhập" not in body and "Đăng nhập" not in body


@pytest.mark.django_db
def test_signed_in_pages_in_english(client_for, staff, english_catalog):
    c = client_for(staff)
    c.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = c.get(reverse("reports:dashboard")).content.decode()
    with translation.override("en"):
        expected = [translation.gettext(s) for s in ("Trang chủ", "Hồ sơ đề nghị", "Sổ khen thưởng", "Đăng xuất")]
    assert all(e in body for e in expected), expected
    assert "Sổ khen thưởng" not in body and "Đăng xuất" not in body

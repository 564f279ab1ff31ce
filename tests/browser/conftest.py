"""Playwright with Debian's Chromium (never a downloaded browser) against pytest-django's live_server.

Playwright's sync API runs an event loop in the test thread, and Django refuses ORM calls while
one runs; the variable that allows them is set only while the browser package runs, then removed, so
nothing else (a subprocess, a deploy check) inherits it.
"""

import os
import shutil

import pytest

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="package")
def _allow_orm_in_browser_tests():
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def chromium(_allow_orm_in_browser_tests):
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium is missing: run `make system` (apt-get install chromium)")
    with sync_playwright() as pw:
        # launch() gives each run a fresh temporary profile of its own.
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context(locale="vi-VN", base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def login(page):
    """Sign in through the real form."""

    def do(username: str, password: str = "Matkhau@12345"):
        page.goto("/accounts/login/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(password)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url("**/")
        return page

    return do


@pytest.fixture(autouse=True)
def _award_catalog(request):
    """Put back the catalog the data migration loaded: a transactional test flushes every table when
    it ends, so the browser test that runs after another one would otherwise find no award kinds."""
    if request.node.get_closest_marker("django_db") is None:
        return
    request.getfixturevalue("transactional_db")
    from importlib import import_module

    from django.apps import apps

    import_module("awards.migrations.0002_load_catalog").load(apps, None)

"""Shared fixtures: personas for every view test (STYLE.md), fast hashing, PostgreSQL marker."""

import pytest
from django.db import connection

from accounts.enums import Role
from tests.factories.accounts import UserFactory
from tests.factories.org import UnitFactory


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` need real row locks; they are skipped on SQLite."""
    from django.conf import settings

    if settings.DATABASES["default"]["ENGINE"].endswith("postgresql"):
        return
    skip = pytest.mark.skip(reason="cần PostgreSQL (DATABASE_URL)")
    for item in items:
        if "postgres" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Every test starts with an empty cache (ids repeat across rolled-back tests)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _vietnamese_after_each_test():
    """A request in English leaves English active in the thread (as Django's own middleware does);
    the next test starts in the default language again."""
    from django.conf import settings
    from django.utils import translation

    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def is_postgres() -> bool:
    return connection.vendor == "postgresql"


@pytest.fixture
def province(db):
    """A small tree: the province root, our unit with a sub-unit, and another unit."""
    root = UnitFactory(code="UBND", name="Ủy ban nhân dân tỉnh")
    ours = UnitFactory(code="SGDDT", name="Sở Giáo dục và Đào tạo", parent=root)
    sub = UnitFactory(code="SGDDT.VP", name="Văn phòng Sở", parent=ours, kind="phong_ban")
    other = UnitFactory(code="SYT", name="Sở Y tế", parent=root)
    return {"root": root, "ours": ours, "sub": sub, "other": other}


@pytest.fixture
def staff(province):
    return UserFactory(username="canbo", role=Role.STAFF, unit=province["root"], is_staff=True)


@pytest.fixture
def officer(province):
    return UserFactory(username="donvi", role=Role.UNIT_OFFICER, unit=province["ours"])


@pytest.fixture
def head(province):
    return UserFactory(username="thutruong", role=Role.UNIT_HEAD, unit=province["ours"])


@pytest.fixture
def other_officer(province):
    return UserFactory(username="donvikhac", role=Role.UNIT_OFFICER, unit=province["other"])


@pytest.fixture
def council_member(province):
    return UserFactory(username="hoidong1", role=Role.COUNCIL_MEMBER, unit=province["root"])


@pytest.fixture
def viewer(province):
    return UserFactory(username="lanhdao", role=Role.VIEWER, unit=province["root"])


@pytest.fixture
def client_for(client):
    """``client_for(user)``: a test client signed in as ``user`` (None: anonymous)."""

    def make(user):
        from django.test import Client

        c = Client()
        if user is not None:
            c.force_login(user)
        return c

    return make

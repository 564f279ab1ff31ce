"""Fixtures of the register and import tests: people of the province fixture, award kinds."""

import datetime

import pytest

from awards.models import AwardKind
from tests.factories.org import HouseholdFactory, PersonFactory


@pytest.fixture
def kinds(db):
    return {k.code: k for k in AwardKind.objects.all()}


@pytest.fixture
def an(province):
    """Nguyễn Văn An of our unit's sub-unit."""
    return PersonFactory(code="CN00001", full_name="Nguyễn Văn An", unit=province["sub"])


@pytest.fixture
def binh(province):
    return PersonFactory(code="CN00002", full_name="Trần Thị Bình", unit=province["other"], gender="nu")


@pytest.fixture
def household(province):
    return HouseholdFactory(code="HO0001", head_name="Lò Văn Hộ", unit=province["sub"])


D = datetime.date

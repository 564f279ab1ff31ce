"""The province-scale seed (awards/demo_province.py) on a tiny province: same rows the ORM would
write (constraints and clean() hold), consistent with the ratings, and deterministic."""

import io
import random

import pytest

from accounts.models import User
from awards import demo_province
from awards.models import Award, Dossier, Initiative, NominationLine, Rating
from core.management.commands.seed_demo import DemoContext
from tests.factories.org import PersonFactory, UnitFactory


def _tiny_province():
    root = UnitFactory(code="P0001", name="Tỉnh thử")
    tops = [UnitFactory(code=f"P{i:04d}", name=f"Sở số {i}", parent=root) for i in range(2, 5)]
    for top in tops:
        for _ in range(30):
            PersonFactory(unit=top)
    return root


def _seed(root, seed=7):
    ctx = DemoContext(scale="province", seed=seed, password="ThiDua@2026", rng=random.Random(seed), stdout=io.StringIO())
    ctx.objects["province_root"] = root
    demo_province.seed(ctx)
    return ctx


@pytest.mark.django_db
def test_province_history_rows_are_valid_and_consistent():
    root = _tiny_province()

    _seed(root)

    assert Rating.objects.filter(person__isnull=False).count() == 90 * 10
    assert Rating.objects.filter(unit__isnull=False).count() == 4 * 10  # the root and the three units
    awards = Award.objects.select_related("kind", "person")
    assert awards.filter(kind__code="LDTT").count() > 300
    for award in awards.filter(person__isnull=False)[:200]:
        award.full_clean()
        grade = Rating.objects.get(person=award.person, year=award.year).grade
        assert grade in {"HTXSNV", "HTTNV"}
        assert award.snapshot_unit_id == award.person.unit_id
        assert award.search_text and award.person.code.lower() in award.search_text
    # Amounts follow the money tables where a rate is known (rates start in 2024).
    assert awards.filter(year=2024, kind__code="LDTT").exclude(amount=None).exists()
    for award in Award.objects.filter(kind__code="CSTD_CS"):
        assert award.initiative_id is not None
        assert award.person in award.initiative.authors.all()
    assert not Award.objects.filter(year=2026).exists()
    assert Initiative.objects.count() == Award.objects.filter(kind__code="CSTD_CS").count()


@pytest.mark.django_db
def test_province_seed_creates_accounts_and_nominations():
    root = _tiny_province()

    _seed(root)

    assert User.objects.get(username="tinh.canbo").check_password("ThiDua@2026")
    assert User.objects.filter(username__startswith="donvi.p").count() == 3
    assert Dossier.objects.filter(year=2026).count() == 3
    assert NominationLine.objects.filter(dossier__year=2026).count() > 0


@pytest.mark.django_db
def test_province_seed_is_deterministic():
    root = _tiny_province()
    _seed(root)
    first = list(Award.objects.order_by("person__code", "unit__code", "kind__code", "year")
                 .values_list("person__code", "unit__code", "kind__code", "year", "decision_number", "amount", "uuid"))
    Award.objects.all().delete()
    Initiative.objects.all().delete()
    Rating.objects.all().delete()
    NominationLine.objects.all().delete()
    Dossier.objects.all().delete()
    User.objects.all().delete()

    _seed(root)

    again = list(Award.objects.order_by("person__code", "unit__code", "kind__code", "year")
                 .values_list("person__code", "unit__code", "kind__code", "year", "decision_number", "amount", "uuid"))
    assert again == first

import datetime

import pytest

from awards.eligibility import evaluate
from awards.enums import SubjectType
from awards.models import Award
from tests.factories.evidence import AwardFactory, DisciplineFactory, InitiativeFactory, RatingFactory
from tests.factories.org import PersonFactory, UnitFactory


@pytest.fixture
def make_person(db):
    """``make_person(ratings={2025: "HTXSNV"}, awards={"CSTD_CS": [2025]}, initiatives=[(2026, "tinh")], ...)``."""

    def make(*, ratings=None, awards=None, initiatives=None, used_initiatives=None, disciplines=None, unit=None, code=None):
        kwargs = {"unit": unit} if unit else {}
        if code:
            kwargs["code"] = code
        person = PersonFactory(**kwargs)
        for year, grade in (ratings or {}).items():
            RatingFactory(person=person, year=year, grade=grade)
        for kind, years in (awards or {}).items():
            for year in years:
                AwardFactory(person=person, kind=kind, year=year)
        for year, scope in initiatives or []:
            InitiativeFactory(authors=[person], year=year, scope=scope)
        for year, scope, used_kind, used_year in used_initiatives or []:
            initiative = InitiativeFactory(authors=[person], year=year, scope=scope)
            award = Award.objects.filter(person=person, kind__code=used_kind, year=used_year).first()
            if award:
                Award.objects.filter(pk=award.pk).update(initiative=initiative)
            else:
                AwardFactory(person=person, kind=used_kind, year=used_year, initiative=initiative)
        for form, start, end in disciplines or []:
            DisciplineFactory(person=person, form=form, start_date=start, end_date=end)
        return person

    return make


@pytest.fixture
def verdict():
    def run(subject, kind, year=2026, subject_type=SubjectType.INDIVIDUAL, params=None):
        return evaluate(subject_type=subject_type, subject=subject, kind_code=kind, year=year, params=params)

    return run


def reason(v, rule):
    """The reason of rule ``rule`` (a code or a code prefix) in verdict ``v``."""
    found = [r for r in v.reasons if r.rule == rule or r.rule.startswith(rule)]
    assert found, f"no reason {rule} in {[r.rule for r in v.reasons]}"
    return found[0]


def good_years(first, last, grade="HTTNV", overrides=None):
    years = {y: grade for y in range(first, last + 1)}
    years.update(overrides or {})
    return years


def d(y, m=1, day=1):
    return datetime.date(y, m, day)


__all__ = ["AwardFactory", "UnitFactory", "d", "good_years", "reason"]

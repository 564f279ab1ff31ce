"""Factories for the evidence and the register (ratings, initiatives, disciplines, awards).

Award kinds come from the catalog's data migration: pass ``kind="CSTD_CS"`` (a code) or an AwardKind.
"""

import datetime

import factory

from awards.enums import AwardStatus, CommendationType, DisciplineForm, Grade, InitiativeScope, SubjectType
from awards.models import Award, AwardKind, Discipline, Initiative, Rating

from .org import PersonFactory


class RatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rating

    subject_type = SubjectType.INDIVIDUAL
    person = factory.SubFactory(PersonFactory)
    unit = None
    year = 2026
    grade = Grade.HTTNV


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"SK{n:05d}")
    title = factory.Sequence(lambda n: f"Sáng kiến cải tiến số {n}")
    year = 2026
    scope = InitiativeScope.CO_SO
    decision_number = factory.Sequence(lambda n: f"{n}/QĐ-SK")

    @factory.post_generation
    def authors(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.authors.set(extracted)


class DisciplineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Discipline

    person = factory.SubFactory(PersonFactory)
    form = DisciplineForm.KHIEN_TRACH
    start_date = datetime.date(2026, 3, 1)
    end_date = datetime.date(2027, 2, 28)


class AwardFactory(factory.django.DjangoModelFactory):
    """An in-force merit award of a person; ``unit=...`` with ``person=None`` for a collective."""

    class Meta:
        model = Award

    subject_type = SubjectType.INDIVIDUAL
    person = factory.SubFactory(PersonFactory)
    unit = None
    household = None
    kind = "LDTT"
    year = 2026
    commendation_type = CommendationType.CONG_TRANG
    decision_number = factory.Sequence(lambda n: f"{n}/QĐ-UBND")
    decision_date = factory.LazyAttribute(lambda o: datetime.date(o.year + 1, 1, 15))
    snapshot_unit = factory.LazyAttribute(lambda o: o.person.unit if o.person else (o.unit or o.household.unit))
    status = AwardStatus.IN_FORCE

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        if isinstance(kwargs.get("kind"), str):
            kwargs["kind"] = AwardKind.objects.get(code=kwargs["kind"])
        if kwargs.get("unit") is not None and kwargs.get("person") is None:
            kwargs["subject_type"] = SubjectType.COLLECTIVE
        return super()._create(model_class, *args, **kwargs)

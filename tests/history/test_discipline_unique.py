"""A discipline entered twice by hand (same person, form and start date) gets a clear message."""

import pytest
from django.core.exceptions import ValidationError

from awards.models import Discipline
from awards.services import evidence
from tests.factories.evidence import DisciplineFactory

pytestmark = pytest.mark.django_db


def test_same_discipline_twice_refused_in_vietnamese(an, staff):
    first = DisciplineFactory(person=an)
    again = Discipline(person=an, form=first.form, start_date=first.start_date, end_date=first.end_date)
    with pytest.raises(ValidationError) as exc:
        evidence.discipline_create(actor=staff, discipline=again)
    assert "đã có kỷ luật cùng hình thức, cùng ngày bắt đầu" in str(exc.value)
    assert Discipline.objects.filter(person=an).count() == 1

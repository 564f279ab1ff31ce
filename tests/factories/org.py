import factory

from org.enums import Gender, UnitKind
from org.models import Household, Person, Unit


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    code = factory.Sequence(lambda n: f"DV{n:04d}")
    name = factory.Sequence(lambda n: f"Đơn vị số {n}")
    kind = UnitKind.SO_NGANH
    parent = None


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    code = factory.Sequence(lambda n: f"CN{n:05d}")
    full_name = factory.Sequence(lambda n: f"Nguyễn Văn Thử {n}")
    gender = Gender.NAM
    ethnicity = "Kinh"
    unit = factory.SubFactory(UnitFactory)
    position = "Chuyên viên"
    is_leader = False


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    code = factory.Sequence(lambda n: f"HO{n:04d}")
    head_name = factory.Sequence(lambda n: f"Lò Văn Hộ {n}")
    address = "Thôn Nà Pồng"
    unit = factory.SubFactory(UnitFactory, kind=UnitKind.THON_TO)

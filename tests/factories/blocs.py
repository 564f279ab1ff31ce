import factory

from blocs.enums import GroupKind
from blocs.models import EmulationGroup


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmulationGroup

    code = factory.Sequence(lambda n: f"KHOI{n:02d}")
    name = factory.Sequence(lambda n: f"Khối thi đua số {n}")
    kind = GroupKind.BLOC

from django.core.management import call_command

from awards.models import Award, Discipline, Initiative, Rating
from org.models import Person


def test_seed_demo_small_gives_an_a_rich_history(db):
    call_command("seed_demo", "--scale", "small", stdout=open("/dev/null", "w"))
    an = Person.objects.get(full_name="Nguyễn Văn An", unit__code="SGDDT.GDTH")
    assert an.code == "CN00040"  # the code the module docstring documents
    assert set(Rating.objects.filter(person=an).values_list("year", flat=True)) == set(range(2019, 2027))
    kinds = set(Award.objects.in_force().filter(person=an).values_list("kind__code", "year"))
    assert {("BK_TINH", 2020), ("CSTD_CS", 2024), ("CSTD_CS", 2025), ("CSTD_CS", 2026), ("LDTT", 2019)} <= kinds
    assert Award.objects.revoked().filter(person=an, kind__code="GK").exists()
    assert Initiative.objects.filter(authors=an, scope="tinh", year=2025).exists()
    assert Discipline.objects.filter(form="dang_xem_xet", end_date__isnull=True).count() == 1
    years = set(Award.objects.values_list("year", flat=True))
    assert set(range(2019, 2027)) <= years
    assert Award.objects.filter(year=2025, amount__isnull=False).exists()
    assert Award.objects.filter(kind__code="TTLDTT", subject_type="collective").exists()
    assert Award.objects.filter(kind__code="GDVH", subject_type="household").exists()

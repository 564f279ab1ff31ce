"""Load the shipped catalog, reward rates and base salaries (defaults staff can correct)."""

from django.db import migrations


def load(apps, schema_editor):
    from awards.catalog_data import BASE_SALARIES, kind_rows, rate_rows

    AwardKind = apps.get_model("awards", "AwardKind")
    RewardRate = apps.get_model("awards", "RewardRate")
    BaseSalary = apps.get_model("awards", "BaseSalary")
    kinds = {}
    for row in kind_rows():
        kinds[row["code"]], _ = AwardKind.objects.update_or_create(code=row["code"], defaults=row)
    for row in rate_rows():
        code = row.pop("code")
        RewardRate.objects.update_or_create(
            kind=kinds[code], subject=row["subject"], valid_from=row["valid_from"], defaults=row
        )
    for valid_from, amount, basis in BASE_SALARIES:
        BaseSalary.objects.update_or_create(valid_from=valid_from, defaults={"amount": amount, "legal_basis": basis})


class Migration(migrations.Migration):
    dependencies = [("awards", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

from django.db import migrations

from core.search_indexes import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("org", "0001_initial")]

    operations = [trigram_indexes("org_person", "org_unit", "org_household")]

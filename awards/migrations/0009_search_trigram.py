from django.db import migrations

from core.search_indexes import trigram_indexes


class Migration(migrations.Migration):
    dependencies = [("awards", "0008_discipline_unique")]

    operations = [trigram_indexes("awards_award", "awards_initiative", "awards_dossier")]

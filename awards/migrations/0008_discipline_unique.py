"""One discipline per person, form and start date (two imports of one file at once wrote it twice).

Rows that are exact copies (same period, decision number and note) are merged first, keeping the
oldest; rows that differ otherwise are left for a person to settle: the constraint then refuses to
be added and the migration stops with the list.
"""

from django.db import migrations, models
from django.db.models import Count, Min


def merge_exact_copies(apps, schema_editor):
    Discipline = apps.get_model("awards", "Discipline")
    key = ["person_id", "form", "start_date"]
    full = [*key, "end_date", "decision_number", "note"]
    for row in Discipline.objects.values(*full).annotate(n=Count("id"), keep=Min("id")).filter(n__gt=1):
        Discipline.objects.filter(**{f: row[f] for f in full}).exclude(pk=row["keep"]).delete()
    left = list(Discipline.objects.values(*key).annotate(n=Count("id")).filter(n__gt=1)[:20])
    if left:
        raise RuntimeError(
            f"Kỷ luật trùng (cá nhân, hình thức, ngày bắt đầu) cần xử lý tay trước khi chuyển đổi: {left}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0007_import_cancelled"),
        ("org", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(merge_exact_copies, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="discipline",
            constraint=models.UniqueConstraint(
                fields=("person", "form", "start_date"),
                name="awards_discipline_person_form_start",
                violation_error_message="Cá nhân này đã có kỷ luật cùng hình thức, cùng ngày bắt đầu.",
            ),
        ),
    ]

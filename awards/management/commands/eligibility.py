"""``eligibility --year Y [--award CODE ...] [--unit CODE] [--person CODE] [--format json|table]`` (CONTRACTS §3)."""

import json

from django.core.management.base import BaseCommand, CommandError

from awards.eligibility import kinds_with_rules
from awards.eligibility.scan import scan
from org.models import Person, Unit


class Command(BaseCommand):
    help = "Xét điều kiện khen thưởng theo năm cho mọi cá nhân và tập thể, kèm lý do."

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--award", action="append", default=None, metavar="CODE",
                            help="Mã khen thưởng (có thể lặp lại); mặc định: mọi loại có quy tắc")
        parser.add_argument("--unit", help="Chỉ đơn vị này và các đơn vị trực thuộc")
        parser.add_argument("--person", help="Chỉ cá nhân này")
        parser.add_argument("--format", choices=["json", "table"], default="json")

    def handle(self, *args, year, award, unit, person, format, **options):
        if not 1990 <= year <= 2100:
            raise CommandError(f"Năm không hợp lệ: {year}")
        kinds = None
        if award:
            unknown = sorted(set(award) - kinds_with_rules())
            if unknown:
                raise CommandError(f"Không có quy tắc xét điều kiện cho mã khen thưởng: {', '.join(unknown)}")
            kinds = list(dict.fromkeys(award))
        persons, units = Person.objects.all(), Unit.objects.all()
        if unit:
            root = Unit.objects.filter(code=unit).first()
            if root is None:
                raise CommandError(f"Không tìm thấy đơn vị: {unit}")
            persons = persons.filter(unit__path__startswith=root.path)
            units = units.filter(path__startswith=root.path)
        if person:
            persons = persons.filter(code=person)
            if not persons.exists():
                raise CommandError(f"Không tìm thấy cá nhân: {person}")
            units = None
        results = scan(persons=persons, units=units, kind_codes=kinds, year=year)
        if format == "json":
            self._json(results)
        else:
            self._table(results)

    def _json(self, results):
        def write(text):
            self.stdout.write(text, ending="")

        first = True
        write("[")
        for _history, judgements in results:
            for j in judgements:
                v = j.verdict
                item = {
                    "subject_type": v.subject_type, "subject_code": v.subject_code, "award": v.award, "year": v.year,
                    "eligible": v.eligible,
                    "reasons": [{"rule": r.rule, "passed": r.passed, "detail": r.detail} for r in v.reasons],
                }
                write(("\n" if first else ",\n") + json.dumps(item, ensure_ascii=False))
                first = False
        write("\n]\n")

    def _table(self, results):
        self.stdout.write(f"{'Loại':<11} {'Mã':<16} {'Khen thưởng':<10} {'Năm':<5} {'Đủ ĐK':<6} Lý do chưa đạt")
        for _history, judgements in results:
            for j in judgements:
                v = j.verdict
                missing = "; ".join(r.detail for r in v.reasons if not r.passed)
                self.stdout.write(f"{v.subject_type:<11} {v.subject_code:<16} {v.award:<10} {v.year:<5} "
                                  f"{'có' if v.eligible else 'không':<6} {missing}")

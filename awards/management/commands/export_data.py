"""``export_data awards --year Y --output PATH`` (CONTRACTS §3)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from awards.imports.export import AwardResource, awards_for_year, export_rows
from core.xlsx import xlsx_bytes


class Command(BaseCommand):
    help = "Xuất sổ khen thưởng của một năm ra .xlsx theo mẫu nhập 'awards', thêm cột Số tiền thưởng."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=["awards"])
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--output", required=True)

    def handle(self, *args, kind, year, output, **options):
        path = Path(output)
        if not path.parent.is_dir():
            raise CommandError(f"Không có thư mục {path.parent}.")
        headers, rows = export_rows(AwardResource(), awards_for_year(year))
        path.write_bytes(xlsx_bytes(headers, rows, title=f"Khen thưởng {year}"))
        self.stdout.write(f"Đã xuất {len(rows)} khen thưởng năm {year} ra {path}.")

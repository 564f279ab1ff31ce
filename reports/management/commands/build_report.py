"""``build_report annual --year Y --format pdf|xlsx --output PATH`` and ``build_report campaign
--campaign CODE --format pdf|xlsx --output PATH`` (CONTRACTS §3)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from reports import builders


class Command(BaseCommand):
    help = "Tạo báo cáo tổng hợp khen thưởng năm hoặc báo cáo phong trào (PDF hoặc XLSX)."

    def add_arguments(self, parser):
        parser.add_argument("report", choices=["annual", "campaign", "award_list"])
        parser.add_argument("--year", type=int)
        parser.add_argument("--campaign")
        parser.add_argument("--format", choices=["pdf", "xlsx"], default="pdf")
        parser.add_argument("--output", required=True)

    def handle(self, *args, report, year, campaign, format, output, **options):
        try:
            if report == "annual":
                if not year:
                    raise CommandError("Thiếu --year cho báo cáo năm.")
                _name, content = builders.build_annual(year=year, fmt=format)
            elif report == "award_list":
                if not year:
                    raise CommandError("Thiếu --year cho danh sách khen thưởng.")
                _name, content = builders.build_award_list(year=year)
            else:
                if not campaign:
                    raise CommandError("Thiếu --campaign cho báo cáo phong trào.")
                _name, content = builders.build_campaign(code=campaign, fmt=format)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        Path(output).write_bytes(content)
        self.stdout.write(f"Đã ghi {output} ({len(content)} byte)")

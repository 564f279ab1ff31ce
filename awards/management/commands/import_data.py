"""``import_data KIND FILE [--dry-run]`` (CONTRACTS §3): all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from awards.imports.kinds import KINDS
from awards.imports.runner import run_import


class Command(BaseCommand):
    help = "Nhập dữ liệu từ tệp .xlsx hoặc .csv (UTF-8): hoặc ghi tất cả, hoặc không ghi gì."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=KINDS)
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không ghi.")

    def handle(self, *args, kind, file, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {file}.")
        result = run_import(kind, path.read_bytes(), path.name, dry_run=dry_run)
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            self.stderr.write(f"Tệp bị từ chối: {len(result.errors)} lỗi; không có dòng nào được ghi.")
            raise SystemExit(1)
        if dry_run:
            self.stdout.write(f"Kiểm tra xong: {result.rows} dòng hợp lệ (chạy thử, không ghi).")
        else:
            self.stdout.write(f"Đã ghi {result.written} dòng.")

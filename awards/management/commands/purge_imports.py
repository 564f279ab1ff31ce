"""Cancel import previews nobody confirmed and delete their stored files (run daily: cron or a
systemd timer, see docs/deployment.md)."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from awards.services.imports import purge_stale_imports


class Command(BaseCommand):
    help = "Hủy các lượt nhập đã kiểm tra nhưng quá hạn chưa xác nhận và xóa tệp tạm."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=settings.IMPORT_PREVIEW_DAYS,
                            help="Số ngày chờ xác nhận trước khi hủy (mặc định IMPORT_PREVIEW_DAYS).")

    def handle(self, *args, days, **options):
        if days < 1:
            raise CommandError("--days phải từ 1 trở lên.")
        cancelled, strays = purge_stale_imports(older_than=datetime.timedelta(days=days))
        self.stdout.write(f"Đã hủy {cancelled} lượt nhập quá hạn; đã xóa {strays} tệp tạm không còn dùng.")

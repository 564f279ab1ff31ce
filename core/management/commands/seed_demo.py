"""Demo data: ``small`` for trying the app, ``province`` for benchmarks (CONTRACTS §3).

Each app contributes its part through ``<app>/demo.py`` (``seed(ctx)``), run in ``ORDER``.
The same ``--seed`` gives the same data. Running it again on a seeded database changes nothing.
"""

import random
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from core.registry import demo_modules

DEFAULT_PASSWORD = "ThiDua@2026"


@dataclass
class DemoContext:
    scale: str
    seed: int
    password: str
    rng: random.Random
    stdout: object
    objects: dict = field(default_factory=dict)  # what earlier parts created, for later parts
    logins: list = field(default_factory=list)  # (username, role label) printed at the end

    def say(self, message: str) -> None:
        self.stdout.write(message)


class Command(BaseCommand):
    help = "Nạp dữ liệu mẫu (small: dùng thử; province: quy mô tỉnh để đo hiệu năng)."

    def add_arguments(self, parser):
        parser.add_argument("--scale", choices=["small", "province"], default="small")
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--password", default=DEFAULT_PASSWORD)

    def handle(self, *args, scale, seed, password, **options):
        modules = demo_modules()
        probe = modules[0]
        if probe.is_seeded(scale):
            self.stdout.write(self.style.WARNING(f"Dữ liệu mẫu '{scale}' đã có; không nạp lại."))
            self._print_logins(scale, password, already=True)
            return
        ctx = DemoContext(scale=scale, seed=seed, password=password, rng=random.Random(seed), stdout=self.stdout)
        try:
            with transaction.atomic():
                for module in modules:
                    module.seed(ctx)
        except Exception as exc:
            raise CommandError(f"Không nạp được dữ liệu mẫu: {exc}") from exc
        # Bulk-loaded tables have no planner statistics (and, on PostgreSQL, no visibility map)
        # until autovacuum gets to them: without them every page scans the history tables.
        # VACUUM cannot run in a transaction; the seed's own has committed by now.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" and not connection.in_atomic_block else "ANALYZE")
        self.stdout.write(self.style.SUCCESS(f"Đã nạp dữ liệu mẫu '{scale}'."))
        self._print_logins(scale, password)

    def _print_logins(self, scale, password, already=False):
        if scale != "small":
            return
        self.stdout.write("Tài khoản dùng thử (mật khẩu: %s%s):" % (password, ", nếu chưa đổi" if already else ""))
        for username, label in [
            ("canbo", "cán bộ Sở Nội vụ"), ("donvi", "cán bộ thi đua đơn vị"), ("thutruong", "thủ trưởng đơn vị"),
            ("hoidong1 … hoidong7", "thành viên Hội đồng (hoidong1 là Chủ tịch)"), ("truongkhoi", "trưởng khối thi đua"),
            ("lanhdao", "lãnh đạo (chỉ xem)"),
        ]:
            self.stdout.write(f"  {username:<22} {label}")

"""``python -m bench``: seed the province data set once, then time each benchmark.

Database: ``BENCH_DATABASE_URL`` when set; otherwise the PostgreSQL database ``thidua_bench`` on
127.0.0.1:5432 (created when missing) when PostgreSQL answers; otherwise ``var/bench.sqlite3``.
The data set is seeded once (``seed_demo --scale province``) and reused. The load run needs
PostgreSQL (SQLite serialises writers) and is skipped with a note on SQLite.

Settings are production-like: DEBUG off, a throwaway SECRET_KEY, static files collected under
``var/bench-static``. Every figure is one line: name, median, and the ratio to its baseline
measured in the same run. Results also go to ``var/bench-results.txt``.

Environment knobs: BENCH_WORKERS (gunicorn workers, default 4), BENCH_USERS (load users,
default 16), BENCH_LOAD_SECONDS (default 90), BENCH_ONLY (comma list of sections:
eligibility,reports,import,pages,load).
"""

import datetime
import importlib.util
import os
import platform
import secrets
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
PG_URL = "postgres://postgres@127.0.0.1:5432/thidua_bench"
PASSWORD = "ThiDua@2026"
SECTIONS = ["eligibility", "reports", "import", "pages", "load"]


def _postgres_available() -> bool:
    try:
        import psycopg
    except ImportError:
        return False
    try:
        with psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres connect_timeout=3", autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = 'thidua_bench'").fetchone():
                conn.execute("CREATE DATABASE thidua_bench")
        return True
    except Exception:  # noqa: BLE001 - any failure means: use SQLite
        return False


def choose_database() -> str:
    if os.environ.get("BENCH_DATABASE_URL"):
        return os.environ["BENCH_DATABASE_URL"]
    if _postgres_available():
        return PG_URL
    return f"sqlite:///{VAR / 'bench.sqlite3'}"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        memory = f"{mem_kb / 1024 / 1024:.1f} GiB"
    except (OSError, StopIteration):
        memory = "unknown memory"
    return f"{os.cpu_count()} CPUs ({cpu}), {memory}, Python {platform.python_version()}, {platform.system()} {platform.release()}"


class Report:
    """Prints one line per figure and keeps them for var/bench-results.txt.

    ``report(name, samples, baseline_samples, stat='median'|'p50'|'p95')``: samples are seconds.
    """

    def __init__(self):
        self.lines: list[str] = []

    def line(self, text: str) -> None:
        print(text, flush=True)
        self.lines.append(text)

    def note(self, text: str) -> None:
        self.line(f"  note: {text}")

    def __call__(self, name: str, samples, baseline=None, *, stat: str = "median", note: str = "") -> None:
        from .stats import fmt_seconds, median, percentile

        pick = (lambda xs: median(xs)) if stat == "median" else (lambda xs: percentile(xs, float(stat[1:])))
        value = pick(list(samples))
        text = f"{name}: {stat} {fmt_seconds(value)} over {len(samples)} runs"
        if baseline:
            base = pick(list(baseline))
            ratio = value / base if base else float("inf")
            text += f"; baseline {fmt_seconds(base)}; ratio {ratio:.1f}x"
        if note:
            text += f" ({note})"
        self.line(text)


def _optional(module: str):
    """bench/<module>.py written by another area (eligibility, reports), when present."""
    if importlib.util.find_spec(f"bench.{module}") is None:
        return None
    return importlib.import_module(f"bench.{module}")


def main() -> int:
    started = time.monotonic()
    VAR.mkdir(exist_ok=True)
    url = choose_database()
    env = {
        "DATABASE_URL": url, "DEBUG": "off", "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost", "STATIC_ROOT": str(VAR / "bench-static"), "LOG_LEVEL": "WARNING",
    }
    for key in ("PYTEST_VERSION", "DJANGO_ALLOW_ASYNC_UNSAFE", "REPORTS_DATABASE_URL"):
        os.environ.pop(key, None)
    os.environ.update(env)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    only = [s for s in os.environ.get("BENCH_ONLY", ",".join(SECTIONS)).split(",") if s]
    report = Report()
    report.line(f"bench {datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC on {machine()}")
    report.line(f"database: {connection.vendor} ({url.split('@')[-1]})")
    call_command("migrate", verbosity=0, interactive=False)
    from org.demo import is_seeded

    if is_seeded("province"):
        report.line("seed: province data set present; reused")
    else:
        start = time.perf_counter()
        call_command("seed_demo", scale="province", password=PASSWORD)
        report.line(f"seed: seed_demo --scale province took {time.perf_counter() - start:.0f} s")
    _counts(report)
    call_command("collectstatic", verbosity=0, interactive=False)
    connection.close()

    def section(name, fn):
        if name not in only:
            return
        try:
            fn()
        except Exception as exc:  # noqa: BLE001 - one failed benchmark does not stop the others
            report.note(f"{name}: failed: {type(exc).__name__}: {exc}")
            traceback.print_exc()

    for name in ("eligibility", "reports"):
        module = _optional(name)
        if module is None:
            if name in only:
                report.note(f"{name}: bench/{name}.py not on this branch; skipped")
            continue
        section(name, lambda module=module: module.run(report))
    from . import imports, load, pages
    from .server import gunicorn

    section("import", lambda: imports.run(report))
    if "pages" in only or "load" in only:
        workers = int(os.environ.get("BENCH_WORKERS", "4"))
        with gunicorn(env, workers, VAR / "bench-gunicorn.log") as port:
            report.line(f"server: gunicorn, {workers} sync workers, 127.0.0.1:{port}")
            section("pages", lambda: pages.run(report, port, "tinh.canbo", PASSWORD))
            if connection.vendor != "postgresql":
                if "load" in only:
                    report.note("load: needs PostgreSQL (SQLite serialises writers); skipped")
            else:
                users = int(os.environ.get("BENCH_USERS", "16"))
                seconds = float(os.environ.get("BENCH_LOAD_SECONDS", "90"))
                section("load", lambda: load.run(report, port, PASSWORD, users=users, seconds=seconds,
                                                 run_id=secrets.token_hex(3)))
    report.line(f"bench: total {time.monotonic() - started:.0f} s")
    (VAR / "bench-results.txt").write_text("\n".join(report.lines) + "\n", encoding="utf-8")
    return 0


def _counts(report) -> None:
    from accounts.models import User
    from awards.models import Award, Rating
    from org.models import Person, Unit

    parts = [f"{Unit.objects.count()} units", f"{Person.objects.count()} people", f"{Rating.objects.count()} ratings",
             f"{Award.objects.count()} awards", f"{User.objects.count()} users"]
    try:
        from awards.models import NominationLine

        parts.append(f"{NominationLine.objects.count()} nomination lines")
    except ImportError:
        pass
    report.line("data: " + ", ".join(parts))

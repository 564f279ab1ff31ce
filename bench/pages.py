"""Page timings against ``/healthz`` on the same gunicorn server (CONTRACTS §6).

Pages are found by URL name; a page whose URL does not exist (yet) is skipped with a note.
"""

import os
import time

from .http import Session
from .stats import fmt_seconds, percentile

SAMPLES = 40
HEALTH_SAMPLES = 60
PAGE_BUDGET_SECONDS = 40  # per page: stop sampling after this long


def _candidates():
    """(label, url name, args, query string) for each benchmarked page (empty args: none needed,
    or no object to show, in which case reverse() fails and the page is skipped)."""
    from awards.models import Award
    from org.models import Person, Unit

    person = Person.objects.filter(code="PP000001").first() or Person.objects.order_by("id").first()
    top = Unit.objects.filter(code="P0002").first() or Unit.objects.order_by("id").first()
    meeting = None
    try:
        from awards.models import Meeting

        meeting = Meeting.objects.order_by("-id").first()
    except ImportError:
        pass
    award = Award.objects.order_by("id").first()
    pages = [
        ("dashboard", "reports:dashboard", [], ""),
        ("dossier list", "awards:dossier-list", [], ""),
        ("register search", "awards:register-search", [], "?q=nguyen+van+an"),
        ("register search by year", "awards:register-search", [], "?year=2024"),
        ("person's award history", "awards:passport-person", [person.code] if person else [], ""),
        ("award detail", "awards:register-detail", [award.uuid] if award else [], ""),
        ("unit eligibility list", "awards:eligibility-unit", [top.code] if top else [], ""),
        ("person list", "org:person-list", [], "?q=nguyen"),
    ]
    if meeting is not None:
        pages.append(("council agenda", "awards:meeting-detail", [meeting.uuid], ""))
    else:
        pages.append(("council agenda (meetings list; no meeting seeded)", "awards:meeting-list", [], ""))
    return pages


def sample(session: Session, path: str, count: int, budget: float) -> tuple[list[float], list[int]]:
    times, statuses = [], []
    # Warm-up: every gunicorn worker compiles its templates and opens its connection on its first
    # requests, and each request may land on any worker (sync workers, no keep-alive).
    for _ in range(2 * int(os.environ.get("BENCH_WORKERS", "4"))):
        session.get(path)
    deadline = time.monotonic() + budget
    for _ in range(count):
        status, _body, elapsed, _h = session.get(path)
        times.append(elapsed)
        statuses.append(status)
        if time.monotonic() > deadline:
            break
    return times, statuses


def run(report, port: int, username: str, password: str) -> None:
    from django.urls import NoReverseMatch, reverse

    session = Session("127.0.0.1", port)
    session.login(reverse("accounts:login"), username, password)
    health, _ = sample(session, reverse("core:healthz"), HEALTH_SAMPLES, 30)
    report.line(f"pages: /healthz p50 {fmt_seconds(percentile(health, 50))}, p95 {fmt_seconds(percentile(health, 95))} "
                f"({len(health)} requests)")
    for label, name, args, query in _candidates():
        try:
            path = reverse(name, args=args or []) + query
        except NoReverseMatch:
            report.note(f"pages: {label}: URL '{name}' not on this branch; skipped")
            continue
        times, statuses = sample(session, path, SAMPLES, PAGE_BUDGET_SECONDS)
        bad = [s for s in statuses if s != 200]
        report(f"page p50: {label}", times, health, stat="p50")
        report(f"page p95: {label} ({path})", times, health, stat="p95",
               note=f"{len(bad)} non-200 answers {sorted(set(bad))}" if bad else "")
    session.close()

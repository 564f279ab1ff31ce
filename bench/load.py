"""A load run: concurrent signed-in users of every role against gunicorn (loopback only).

A thread pool of virtual users, each signed in with its own session, runs a role-specific mix of
pages for a bounded time; unit officers also create people through the real form (GET the form,
POST it). At the end the people created must equal the successful POSTs. Stops by itself.
"""

import random
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from .http import Session
from .stats import fmt_seconds, percentile


def _personas(users: int) -> list[tuple[str, str]]:
    """(username, role) for each virtual user, mixing roles the way a year end looks."""
    from accounts.models import User

    officers = list(User.objects.filter(username__startswith="donvi.p").order_by("username").values_list("username", flat=True))
    heads = list(User.objects.filter(username__startswith="thutruong.p").order_by("username").values_list("username", flat=True))
    fixed = [("tinh.canbo", "staff"), ("tinh.lanhdao", "viewer"), ("tinh.hoidong1", "council_member"), ("tinh.canbo", "staff")]
    result = []
    for i in range(users):
        if i < len(fixed):
            result.append(fixed[i])
        elif i % 3 == 0 and heads:
            result.append((heads[i % len(heads)], "unit_head"))
        else:
            result.append((officers[i % len(officers)], "unit_officer"))
    return result


def _paths():
    from django.urls import NoReverseMatch, reverse

    def url(name, *args, query=""):
        try:
            return reverse(name, args=args) + query
        except NoReverseMatch:
            return None

    return {
        "dashboard": url("reports:dashboard"),
        "dossiers": url("awards:dossier-list"),
        "register": url("awards:register-search", query="?q=nguyen"),
        "passport": url("awards:passport-person", "PP000123"),
        "people": url("org:person-list"),
        "meetings": url("awards:meeting-list"),
        "eligibility_mine": url("awards:eligibility-mine"),
        "person_create": url("org:person-create"),
        "login": url("accounts:login"),
    }


def _own_paths(unit_of: dict) -> dict[str, dict[str, str]]:
    """Unit users read their own unit: a person of it for the history page, its eligibility list
    (the menu's "my unit" entry answers with a redirect to it)."""
    from django.urls import reverse

    from org.models import Person, Unit

    out = {}
    for username, unit_id in unit_of.items():
        if not unit_id:
            continue
        unit = Unit.objects.get(pk=unit_id)
        person = Person.objects.filter(unit__path__startswith=unit.path).order_by("code").first()
        out[username] = {"eligibility_mine": reverse("awards:eligibility-unit", args=[unit.code])}
        if person is not None:
            out[username]["passport"] = reverse("awards:passport-person", args=[person.code])
    return out


MIX = {
    "staff": ["dashboard", "dossiers", "register", "register", "passport"],
    "viewer": ["dashboard", "register", "passport"],
    "council_member": ["dashboard", "meetings", "meetings"],  # council members read dossiers through meetings
    "unit_head": ["dashboard", "dossiers", "people", "eligibility_mine"],
    "unit_officer": ["dossiers", "people", "passport", "WRITE", "WRITE"],
}


def run(report, port: int, password: str, *, users: int, seconds: float, run_id: str) -> None:
    from accounts.models import User
    from org.models import Person

    paths = _paths()
    personas = _personas(users)
    unit_of = dict(User.objects.filter(username__in=[u for u, _r in personas]).values_list("username", "unit_id"))
    own_paths = _own_paths(unit_of)
    lock = threading.Lock()
    latencies: list[float] = []
    statuses: Counter = Counter()
    errors: list[str] = []
    writes_ok = [0]
    deadline = time.monotonic() + seconds

    def user_loop(index: int) -> None:
        username, role = personas[index]
        rng = random.Random(index)
        session = Session("127.0.0.1", port, timeout=60)
        try:
            session.login(paths["login"], username, password)
        except Exception as exc:  # noqa: BLE001 - counted as an error, the run goes on
            with lock:
                errors.append(f"login {username}: {exc}")
            return
        n = 0
        while time.monotonic() < deadline:
            action = rng.choice(MIX[role])
            try:
                if action == "WRITE" and paths["person_create"]:
                    n += 1
                    status, body, t1, _h = session.get(paths["person_create"])
                    token = session.csrf_from(body)
                    code = f"LT-{run_id}-{index:03d}-{n:05d}"
                    status, body, t2, _h = session.post(paths["person_create"], {
                        "csrfmiddlewaretoken": token, "code": code, "full_name": f"Người Thử Tải {index} {n}",
                        "gender": "nu" if n % 2 else "nam", "birth_date": "01/02/1990", "ethnicity": "Kinh",
                        "unit": unit_of[username], "position": "Chuyên viên", "is_active": "on",
                    })
                    elapsed = t1 + t2
                    ok = status == 302
                    if ok:
                        with lock:
                            writes_ok[0] += 1
                else:
                    path = own_paths.get(username, {}).get(action) or paths.get(action)
                    if not path:
                        continue
                    status, body, elapsed, _h = session.get(path)
                    ok = status == 200
                with lock:
                    latencies.append(elapsed)
                    statuses[status] += 1
                    if not ok:
                        errors.append(f"{action} {username}: HTTP {status}")
            except Exception as exc:  # noqa: BLE001
                with lock:
                    errors.append(f"{action} {username}: {type(exc).__name__}: {exc}")
        session.close()

    start = time.monotonic()
    with ThreadPoolExecutor(max_workers=users) as pool:
        list(pool.map(user_loop, range(users)))
    wall = time.monotonic() - start
    created = Person.objects.filter(code__startswith=f"LT-{run_id}-").count()
    server_errors = sum(count for status, count in statuses.items() if status >= 500)
    if latencies:
        report.line(
            f"load: {users} users, {wall:.0f} s: {len(latencies)} requests, {len(latencies) / wall:.1f} req/s; "
            f"p50 {fmt_seconds(percentile(latencies, 50))}, p95 {fmt_seconds(percentile(latencies, 95))}, "
            f"p99 {fmt_seconds(percentile(latencies, 99))}; errors {len(errors)} (5xx: {server_errors}); "
            f"statuses {dict(sorted(statuses.items()))}"
        )
    report.line(f"load: people created {created}, successful create requests {writes_ok[0]}: "
                + ("equal" if created == writes_ok[0] else "MISMATCH"))
    for error in errors[:10]:
        report.note(f"load error: {error}")
    # Leave the data set as it was for the next run.
    Person.objects.filter(code__startswith=f"LT-{run_id}-").delete()

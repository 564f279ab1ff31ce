"""The Redis task backend (TASKS_BACKEND=rq, django-tasks-rq) against the Redis server on
127.0.0.1:6379: a task is enqueued, an RQ worker runs it in burst mode, and its result — or its
failure with the error — can be read back. Needs Redis (CI starts it in .ci/run)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENQUEUE = """
import json, django
django.setup()
from core.tasks import echo, fail
print(json.dumps([echo.enqueue("xin chào Tỉnh").id, fail.enqueue("lỗi thử").id]))
"""
READ = """
import json, sys, django
django.setup()
from django_tasks import default_task_backend
out = []
for rid in json.loads(sys.argv[1]):
    r = default_task_backend.get_result(rid)
    out.append({"status": str(r.status), "value": r.return_value if str(r.status) == "SUCCESSFUL" else None,
                "errors": [e.exception_class_path for e in r.errors]})
print(json.dumps(out))
"""


def _env(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTEST_VERSION", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL"}}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "1", "TASKS_BACKEND": "rq",
                "REDIS_URL": "redis://127.0.0.1:6379/15", "DATABASE_URL": f"sqlite:///{tmp_path / 'rq.sqlite3'}"})
    return env


def _run(args, env, timeout=120):
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""


def test_rq_backend_runs_tasks_and_records_failures(tmp_path):
    import redis

    assert redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=3).ping(), "Redis must run on 127.0.0.1:6379"
    env = _env(tmp_path)

    ids = _run([sys.executable, "-c", ENQUEUE], env)
    _run([sys.executable, "manage.py", "rqworker", "--burst", "--job-class", "django_tasks_rq.Job", "default"], env, timeout=180)
    results = json.loads(_run([sys.executable, "-c", READ, ids], env))

    assert results[0] == {"status": "SUCCESSFUL", "value": "xin chào Tỉnh", "errors": []}
    assert results[1]["status"] == "FAILED"
    assert results[1]["errors"] == ["builtins.RuntimeError"]

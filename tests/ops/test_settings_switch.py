"""The settings module switches between one machine and a scaled-out deployment through
environment variables only (docs/deployment.md): checked in a subprocess per configuration."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DUMP = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "databases": {k: [v["ENGINE"], v["NAME"], v.get("HOST", "")] for k, v in settings.DATABASES.items()},
    "routers": list(getattr(settings, "DATABASE_ROUTERS", [])),
    "cache": settings.CACHES["default"]["BACKEND"],
    "session": settings.SESSION_ENGINE,
    "tasks": settings.TASKS["default"]["BACKEND"],
    "storage": settings.STORAGES["default"]["BACKEND"],
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
    "secure": [settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS,
               settings.SECURE_SSL_REDIRECT],
    "apps": [a for a in settings.INSTALLED_APPS if a in ("django_rq", "django_otp")],
}))
"""


def _settings(**extra) -> dict:
    env = {k: v for k, v in os.environ.items()
           if k not in {"PYTEST_VERSION", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL", "REPORTS_DATABASE_URL",
                        "CACHE_URL", "SESSION_ENGINE", "TASKS_BACKEND", "FILE_STORAGE", "SECURE_SSL", "DEBUG"}}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings", "DEBUG": "off", "SECRET_KEY": secrets.token_urlsafe(40),
                "ALLOWED_HOSTS": "thidua.example.gov.vn"})
    env.update(extra)
    result = subprocess.run([sys.executable, "-c", DUMP], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_single_machine_defaults():
    conf = _settings()

    assert list(conf["databases"]) == ["default"]
    assert conf["databases"]["default"][0] == "django.db.backends.sqlite3"
    assert conf["routers"] == []
    assert conf["cache"].endswith("FileBasedCache")  # shared by the machine's processes
    assert conf["session"] == "django.contrib.sessions.backends.db"
    assert conf["tasks"] == "django_tasks_db.DatabaseBackend"
    assert conf["storage"] == "django.core.files.storage.FileSystemStorage"
    assert conf["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert conf["secure"] == [False, False, 0, False]


def test_scaled_out_configuration_from_environment_only():
    conf = _settings(
        DATABASE_URL="postgres://app:pw@db-primary.internal:5432/thidua",
        REPORTS_DATABASE_URL="postgres://report:pw@db-replica.internal:5432/thidua",
        CACHE_URL="rediscache://redis.internal:6379/1",
        SESSION_ENGINE="django.contrib.sessions.backends.cache",
        TASKS_BACKEND="rq", REDIS_URL="redis://redis.internal:6379/0",
        FILE_STORAGE="storages.backends.s3.S3Storage",
        SECURE_SSL="on",
    )

    assert conf["databases"]["default"] == ["django.db.backends.postgresql", "thidua", "db-primary.internal"]
    assert conf["databases"]["replica"] == ["django.db.backends.postgresql", "thidua", "db-replica.internal"]
    assert conf["routers"] == ["core.routers.ReportsReplicaRouter"]
    assert conf["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert conf["session"] == "django.contrib.sessions.backends.cache"
    assert conf["tasks"] == "django_tasks_rq.RQBackend"
    assert "django_rq" in conf["apps"] and "django_otp" in conf["apps"]
    assert conf["storage"] == "storages.backends.s3.S3Storage"
    assert conf["secure"] == [True, True, 31536000, True]

"""Read replica for the report side (settings: REPORTS_DATABASE_URL adds DATABASES['replica']).

Reports read through ``reading_from_replica()`` (a context manager, also usable as a decorator):
inside it, reads go to the replica when one is configured; writes always go to ``default``, and
migrations run only on ``default``. Without a replica everything stays on ``default``, so the
same code runs on one machine and on a scaled-out deployment.
"""

import contextlib
import contextvars
from functools import wraps

from django.conf import settings

_use_replica: contextvars.ContextVar[bool] = contextvars.ContextVar("use_replica", default=False)
REPLICA = "replica"


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class _Reading(contextlib.ContextDecorator):
    def __enter__(self):
        self._token = _use_replica.set(True)
        return self

    def __exit__(self, *exc):
        _use_replica.reset(self._token)
        return False


def reading_from_replica():
    return _Reading()


def replica_view(view):
    """Decorator for report views: their reads go to the replica."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        with reading_from_replica():
            return view(*args, **kwargs)

    return wrapper


class ReportsReplicaRouter:
    def db_for_read(self, model, **hints):
        if _use_replica.get() and replica_configured():
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"

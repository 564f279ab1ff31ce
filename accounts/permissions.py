"""Role checks for views: login required, 403 for the wrong role."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from .enums import Role


def role_required(*roles: str) -> Callable:
    """Allow only users whose role is one of ``roles`` (anonymous users go to the login page)."""

    def decorator(view):
        @login_required
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.user.role not in roles and not request.user.is_superuser:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


staff_required = role_required(Role.STAFF)


def require_writer(user) -> None:
    """Read-only users (leadership viewers) may look but never change anything."""
    if user.role == Role.VIEWER:
        raise PermissionDenied

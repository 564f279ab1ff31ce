"""The user name django-axes records for a failed login.

Axes stores whatever was typed in a 255-character column: an overlong or NUL-carrying name made
the login page fail on PostgreSQL. Cleaned and cut to the longest real user name (150) instead.
"""

from core.text import clean_text

USERNAME_MAX = 150  # accounts.User.username


def lockout_username(request, credentials=None) -> str | None:
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get("username") if source else None
    if username is None:
        return None
    return clean_text(username)[:USERNAME_MAX]

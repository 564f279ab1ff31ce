from django import template
from django.http import QueryDict

from core.models import ActivityLog
from core.money import format_vnd

register = template.Library()


@register.filter
def vnd(amount):
    """Integer VND as ``1.234.567 đ``."""
    return format_vnd(amount)


@register.inclusion_tag("core/_history.html")
def history_panel(obj, limit: int = 50):
    """The audit timeline of ``obj``, newest first."""
    entries = ActivityLog.objects.for_object(obj).select_related("actor")[:limit]
    return {"entries": entries}


@register.simple_tag(takes_context=True)
def query_with(context, **kwargs):
    """The current query string with some parameters replaced (for pagination and sorting links)."""
    params: QueryDict = context["request"].GET.copy()
    for key, value in kwargs.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def unread_notifications(context) -> int:
    """How many in-app notifications the signed-in user has not read (top bar)."""
    from core.notifications import unread_count

    request = context.get("request")
    return unread_count(getattr(request, "user", None)) if request else 0

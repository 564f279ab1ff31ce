from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from .models import Notification


@never_cache
@require_GET
def healthz(request):
    """Liveness and database check for load balancers (CONTRACTS §2)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@login_required
def notification_list(request):
    """The signed-in user's notifications, newest first."""
    from .pagination import paginate

    page = paginate(request, Notification.objects.filter(user=request.user).order_by("-created_at", "-id"))
    return render(request, "core/notification_list.html", {"page": page})


@require_POST
@login_required
def notification_mark_read(request):
    from .notifications import mark_all_read

    mark_all_read(request.user)
    return redirect("core:notification-list")

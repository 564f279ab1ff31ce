from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from core.registry import dashboard_panels


@login_required
def dashboard(request):
    """The signed-in user's home: the panels each app offers for this user's role."""
    return render(request, "reports/dashboard.html", {"panels": dashboard_panels(request.user)})

"""Vietnamese error pages. 500 and 503 render without the request context: the database or the
session may be the thing that failed."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return HttpResponse(loader.render_to_string("500.html"), status=500)


def database_unavailable(request):
    return HttpResponse(loader.render_to_string("503.html"), status=503)

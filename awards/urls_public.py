"""The public posting page at the site root (no login)."""

from django.urls import path

from .views import workflow as w

urlpatterns = [
    path("cong-khai/", w.public_posting, name="public-posting"),
    path("cong-khai/<uuid:uuid>/y-kien/", w.public_feedback, name="public-feedback"),
]

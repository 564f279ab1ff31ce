from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("thong-bao/", views.notification_list, name="notification-list"),
    path("thong-bao/da-doc/", views.notification_mark_read, name="notification-read"),
]

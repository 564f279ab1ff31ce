from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("core.urls")),
    path("", include("awards.urls_public")),
    path("accounts/", include("accounts.urls")),
    path("to-chuc/", include("org.urls")),
    path("phong-trao/", include("campaigns.urls")),
    path("khen-thuong/", include("awards.urls")),
    path("khoi-thi-dua/", include("blocs.urls")),
    path("", include("reports.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]

handler403 = "core.errors.permission_denied"
handler404 = "core.errors.page_not_found"
handler500 = "core.errors.server_error"

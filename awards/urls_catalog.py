from django.urls import path

from .views import catalog

urlpatterns = [
    path("danh-muc/", catalog.kind_list, name="kind-list"),
    path("danh-muc/<str:code>/", catalog.kind_detail, name="kind-detail"),
    path("luong-co-so/", catalog.base_salary_list, name="base-salary-list"),
]

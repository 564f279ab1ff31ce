"""Routes of the eligibility area."""

from django.urls import path

from .views import eligibility as views

urlpatterns = [
    path("dieu-kien/", views.province_list, name="eligibility-list"),
    path("dieu-kien/cua-toi/", views.my_unit, name="eligibility-mine"),
    path("dieu-kien/ca-nhan/<str:code>/", views.person_eligibility, name="eligibility-person"),
    path("dieu-kien/tap-the/<str:code>/", views.collective_eligibility, name="eligibility-collective"),
    path("dieu-kien/don-vi/<str:code>/", views.unit_eligibility, name="eligibility-unit"),
    path("dieu-kien/chinh-sach/", views.policy, name="eligibility-policy"),
    path("dieu-kien/chinh-sach/luu/", views.policy_save, name="eligibility-policy-save"),
    path("dieu-kien/chinh-sach/thu/", views.policy_preview, name="eligibility-policy-preview"),
]

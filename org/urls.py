from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("don-vi/", views.unit_list, name="unit-list"),
    path("don-vi/xuat.xlsx", views.unit_export, name="unit-export"),
    path("ca-nhan/xuat.xlsx", views.person_export, name="person-export"),
    path("don-vi/them/", views.unit_edit, name="unit-create"),
    path("don-vi/<str:code>/", views.unit_detail, name="unit-detail"),
    path("don-vi/<str:code>/sua/", views.unit_edit, name="unit-edit"),
    path("ca-nhan/", views.person_list, name="person-list"),
    path("ca-nhan/them/", views.person_edit, name="person-create"),
    path("ca-nhan/<str:code>/", views.person_detail, name="person-detail"),
    path("ca-nhan/<str:code>/sua/", views.person_edit, name="person-edit"),
    path("ho-gia-dinh/", views.household_list, name="household-list"),
    path("ho-gia-dinh/them/", views.household_edit, name="household-create"),
    path("ho-gia-dinh/<str:code>/sua/", views.household_edit, name="household-edit"),
]

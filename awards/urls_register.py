"""Routes of the register area: register, passports, imports."""

from django.urls import path

from .views import evidence, imports, register

urlpatterns = [
    path("so-khen-thuong/", register.register_search, name="register-search"),
    path("so-khen-thuong/xuat.xlsx", register.register_export, name="register-export"),
    path("so-khen-thuong/<uuid:uuid>/", register.register_detail, name="register-detail"),
    path("so-khen-thuong/<uuid:uuid>/huy-bo/", register.register_revoke, name="register-revoke"),
    path("qua-trinh-khen-thuong/ca-nhan/<str:code>/", register.passport_person, name="passport-person"),
    path("qua-trinh-khen-thuong/tap-the/<str:code>/", register.passport_unit, name="passport-unit"),
    path("qua-trinh-khen-thuong/ca-nhan/<str:code>/xep-loai/", evidence.rating_person, name="evidence-rating-person"),
    path("qua-trinh-khen-thuong/tap-the/<str:code>/xep-loai/", evidence.rating_unit, name="evidence-rating-unit"),
    path("qua-trinh-khen-thuong/ca-nhan/<str:code>/ky-luat/them/", evidence.discipline_create, name="evidence-discipline-create"),
    path("qua-trinh-khen-thuong/ca-nhan/<str:code>/ky-luat/<int:pk>/", evidence.discipline_edit, name="evidence-discipline-edit"),
    path("qua-trinh-khen-thuong/ca-nhan/<str:code>/sang-kien/them/", evidence.initiative_create, name="evidence-initiative-create"),
    path("qua-trinh-khen-thuong/ca-nhan/<str:code>/sang-kien/<str:initiative_code>/", evidence.initiative_edit,
         name="evidence-initiative-edit"),
    path("qua-trinh-khen-thuong/ho-gia-dinh/<str:code>/", register.passport_household, name="passport-household"),
    path("nhap-du-lieu/", imports.import_start, name="import-start"),
    path("nhap-du-lieu/mau/<str:kind>.xlsx", imports.import_template, name="import-template"),
    path("nhap-du-lieu/<uuid:uuid>/", imports.import_detail, name="import-detail"),
    path("nhap-du-lieu/<uuid:uuid>/trang-thai/", imports.import_status, name="import-status"),
    path("nhap-du-lieu/<uuid:uuid>/ghi/", imports.import_confirm, name="import-confirm"),
    path("nhap-du-lieu/<uuid:uuid>/huy/", imports.import_cancel, name="import-cancel"),
]

from django.urls import path

from . import views

app_name = "blocs"
urlpatterns = [
    path("", views.group_list, name="group-list"),
    path("them/", views.group_create, name="group-create"),
    path("<str:code>/", views.group_detail, name="group-detail"),
    path("<str:code>/mo-nam/", views.year_start, name="year-start"),
    path("<str:code>/<int:year>/", views.year_detail, name="year-detail"),
    path("<str:code>/<int:year>/thanh-vien/", views.members_set, name="members"),
    path("<str:code>/<int:year>/truong-khoi/", views.leaders_set, name="leaders"),
    path("<str:code>/<int:year>/giao-uoc/", views.agreement_update, name="agreement"),
    path("<str:code>/<int:year>/giao-uoc/tai/", views.agreement_download, name="agreement-file"),
    path("<str:code>/<int:year>/ky-giao-uoc/", views.agreement_sign, name="sign"),
    path("<str:code>/<int:year>/tieu-chi/", views.criterion_add, name="criterion-add"),
    path("<str:code>/<int:year>/mo-cham-diem/", views.scoring_open, name="scoring-open"),
    path("<str:code>/<int:year>/bang-diem/<str:unit_code>/", views.sheet, name="sheet"),
    path("<str:code>/<int:year>/bang-diem/<str:unit_code>/tu-cham/", views.sheet_self, name="sheet-self"),
    path("<str:code>/<int:year>/bang-diem/<str:unit_code>/tham-dinh/", views.sheet_verify, name="sheet-verify"),
    path("<str:code>/<int:year>/cong-bo/", views.ranking_publish, name="publish"),
    path("<str:code>/<int:year>/suy-ton/", views.vote_cast, name="vote"),
    path("<str:code>/<int:year>/de-nghi/", views.proposal_create, name="proposal"),
]

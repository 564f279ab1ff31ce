from django.urls import path

from . import views

app_name = "campaigns"
urlpatterns = [
    path("", views.campaign_list, name="list"),
    path("them/", views.campaign_edit, name="create"),
    path("<str:code>/", views.campaign_detail, name="detail"),
    path("<str:code>/sua/", views.campaign_edit, name="edit"),
    path("<str:code>/van-ban/", views.directive_download, name="directive"),
    path("<str:code>/chi-tieu/them/", views.target_add, name="target-add"),
    path("<str:code>/noi-dung/them/", views.content_add, name="content-add"),
    path("<str:code>/phat-dong/", views.campaign_launch, name="launch"),
    path("<str:code>/so-ket/", views.campaign_review, {"kind": "midterm"}, name="midterm"),
    path("<str:code>/tong-ket/", views.campaign_review, {"kind": "final"}, name="close"),
    path("<str:code>/bao-cao/<uuid:review_id>/", views.review_download, name="review-file"),
    path("<str:code>/dang-ky/", views.registration_edit, name="register"),
    path("<str:code>/don-vi/", views.participants, name="participants"),
    path("<str:code>/nhac-dang-ky/", views.remind, name="remind"),
]

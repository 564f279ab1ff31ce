from django.urls import path

from . import views, views_official, views_reports

app_name = "reports"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("bao-cao/", views_reports.index, name="index"),
    path("bao-cao/tong-hop/", views_reports.annual, name="annual"),
    path("bao-cao/van-ban/tao/", views_reports.document_create, name="document-create"),
    path("bao-cao/van-ban/<uuid:uuid>/", views_reports.document_detail, name="document-detail"),
    path("bao-cao/van-ban/<uuid:uuid>/trang-thai/", views_reports.document_status, name="document-status"),
    path("bao-cao/van-ban/<uuid:uuid>/tai-ve/", views_reports.document_download, name="document-download"),
    path("bao-cao/van-ban/<uuid:uuid>/thu-lai/", views_reports.document_retry, name="document-retry"),
    path("bao-cao/van-ban/<uuid:uuid>/tao-lai/", views_reports.document_regenerate, name="document-regenerate"),
    path("bao-cao/quyet-dinh/<uuid:uuid>/", views_official.decision_pdf, name="decision-pdf"),
    path("bao-cao/quyet-dinh/<uuid:uuid>/bang-khen/", views_official.decision_certificates, name="decision-certificates"),
    path("bao-cao/khen-thuong/<uuid:uuid>/bang-khen/", views_official.award_certificate, name="award-certificate"),
    path("bao-cao/phien-hop/<uuid:uuid>/bien-ban/", views_official.meeting_minutes, name="meeting-minutes"),
    path("bao-cao/to-trinh/<uuid:uuid>/", views_official.forwarding_cover_letter, name="forwarding-cover-letter"),
    path("bao-cao/phoi-bang-khen/", views_official.certificate_layout, name="certificate-layout"),
]

"""Routes of the workflow area: dossiers, appraisal, postings, council meetings, decisions."""

from django.urls import path

from .views import council, decisions
from .views import workflow as w

urlpatterns = [
    path("ho-so/", w.dossier_list, name="dossier-list"),
    path("ho-so/moi/", w.dossier_create, name="dossier-create"),
    path("ho-so/<uuid:uuid>/", w.dossier_detail, name="dossier-detail"),
    path("ho-so/<uuid:uuid>/sua/", w.dossier_edit, name="dossier-edit"),
    path("ho-so/<uuid:uuid>/kiem-tra/", w.dossier_checks, name="dossier-checks"),
    path("ho-so/<uuid:uuid>/tim-doi-tuong/", w.nominee_search, name="nominee-search"),
    path("ho-so/<uuid:uuid>/xem-truoc/", w.line_preview, name="line-preview"),
    path("ho-so/<uuid:uuid>/dong/them/", w.line_add, name="line-add"),
    path("ho-so/<uuid:uuid>/dong/<int:line_id>/xoa/", w.line_remove, name="line-remove"),
    path("ho-so/<uuid:uuid>/dong/<int:line_id>/ngoai-le/", w.line_override, name="line-override"),
    path("ho-so/<uuid:uuid>/dong/<int:line_id>/tham-dinh/", w.line_appraise, name="line-appraise"),
    path("ho-so/<uuid:uuid>/tai-lieu/", w.document_upload, name="document-upload"),
    path("ho-so/<uuid:uuid>/trinh/", w.dossier_submit, name="dossier-submit"),
    path("ho-so/<uuid:uuid>/rut/", w.dossier_withdraw, name="dossier-withdraw"),
    path("ho-so/<uuid:uuid>/tiep-nhan/", w.dossier_receive, name="dossier-receive"),
    path("ho-so/<uuid:uuid>/tra-lai/", w.dossier_return, name="dossier-return"),
    path("ho-so/<uuid:uuid>/hoan-thanh-tham-dinh/", w.dossier_finish, name="dossier-finish"),
    path("tai-lieu/<uuid:uuid>/", w.document_download, name="document-download"),
    path("tai-lieu/<uuid:uuid>/xoa/", w.document_delete, name="document-delete"),
    path("cong-khai/", w.posting_list, name="posting-list"),
    path("cong-khai/<uuid:uuid>/", w.posting_detail, name="posting-detail"),
    path("hoi-dong/", council.meeting_list, name="meeting-list"),
    path("hoi-dong/moi/", council.meeting_create, name="meeting-create"),
    path("hoi-dong/<uuid:uuid>/", council.meeting_detail, name="meeting-detail"),
    path("hoi-dong/<uuid:uuid>/diem-danh/", council.meeting_attendance, name="meeting-attendance"),
    path("hoi-dong/<uuid:uuid>/mo/", council.meeting_open, name="meeting-open"),
    path("hoi-dong/<uuid:uuid>/ket-thuc/", council.meeting_close, name="meeting-close"),
    path("hoi-dong/<uuid:uuid>/bien-ban/", council.meeting_minutes, name="meeting-minutes"),
    path("hoi-dong/<uuid:uuid>/muc/<uuid:item_uuid>/bieu-quyet/", council.ballot_cast, name="ballot-cast"),
    path("quyet-dinh/", decisions.decision_list, name="decision-list"),
    path("quyet-dinh/moi/", decisions.decision_create, name="decision-create"),
    path("quyet-dinh/<uuid:uuid>/", decisions.decision_detail, name="decision-detail"),
    path("quyet-dinh/<uuid:uuid>/ban-hanh/", decisions.decision_issue, name="decision-issue"),
    path("trinh-trung-uong/moi/", decisions.forwarding_create, name="forwarding-create"),
    path("trinh-trung-uong/<uuid:uuid>/", decisions.forwarding_detail, name="forwarding-detail"),
]

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    ANNUAL = "annual", _("Báo cáo tổng hợp khen thưởng năm")
    CAMPAIGN = "campaign", _("Báo cáo phong trào thi đua")
    AWARD_LIST = "award_list", _("Danh sách khen thưởng năm")
    CERTIFICATES = "certificates", _("Bằng khen, giấy khen theo quyết định")


class DocumentFormat(models.TextChoices):
    PDF = "pdf", "PDF"
    XLSX = "xlsx", "XLSX"


class DocumentStatus(models.TextChoices):
    QUEUED = "queued", _("Đang chờ")
    RUNNING = "running", _("Đang tạo")
    DONE = "done", _("Hoàn thành")
    FAILED = "failed", _("Lỗi")


# Allowed transitions of a generated document (services check them).
DOCUMENT_TRANSITIONS = {
    DocumentStatus.QUEUED: {DocumentStatus.RUNNING, DocumentStatus.FAILED},
    DocumentStatus.RUNNING: {DocumentStatus.DONE, DocumentStatus.FAILED},
    DocumentStatus.FAILED: {DocumentStatus.QUEUED},
    DocumentStatus.DONE: set(),
}

"""States and choices of the commendation workflow, with the allowed-transition table beside them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DossierState(models.TextChoices):
    DRAFT = "draft", _("Đang soạn")
    SUBMITTED = "submitted", _("Đã trình")
    IN_APPRAISAL = "in_appraisal", _("Đang thẩm định")
    APPRAISED = "appraised", _("Đã thẩm định")
    POSTED = "posted", _("Đang công khai")
    AT_COUNCIL = "at_council", _("Trình Hội đồng")
    DECIDED = "decided", _("Đã có quyết định")
    RETURNED = "returned", _("Trả lại để bổ sung")
    WITHDRAWN = "withdrawn", _("Đã rút")
    REJECTED = "rejected", _("Không đề nghị khen thưởng")
    FORWARDED = "forwarded", _("Đã trình Trung ương")
    OUTCOME_RECORDED = "outcome_recorded", _("Đã có kết quả Trung ương")


S = DossierState
# from-state -> states a transition may lead to (ARCHITECTURE §3). Services check this table.
DOSSIER_TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.SUBMITTED, S.WITHDRAWN},
    S.SUBMITTED: {S.IN_APPRAISAL, S.WITHDRAWN},
    S.IN_APPRAISAL: {S.APPRAISED, S.RETURNED, S.REJECTED},
    S.RETURNED: {S.SUBMITTED, S.WITHDRAWN},
    S.APPRAISED: {S.POSTED, S.AT_COUNCIL},
    S.POSTED: {S.AT_COUNCIL},
    S.AT_COUNCIL: {S.DECIDED, S.FORWARDED, S.REJECTED, S.OUTCOME_RECORDED},
    S.FORWARDED: {S.OUTCOME_RECORDED},
    S.DECIDED: set(),
    S.WITHDRAWN: set(),
    S.REJECTED: set(),
    S.OUTCOME_RECORDED: set(),
}
# States in which the unit may edit the dossier and its lines.
EDITABLE_STATES = {S.DRAFT, S.RETURNED}
# States in which the province is working on the dossier (deadline runs, overdue stands out).
PROCESSING_STATES = {S.SUBMITTED, S.IN_APPRAISAL, S.APPRAISED, S.POSTED, S.AT_COUNCIL}


def can_transition(source: str, target: str) -> bool:
    return target in DOSSIER_TRANSITIONS.get(source, set())


class LineOutcome(models.TextChoices):
    PENDING = "pending", _("Chờ xử lý")
    APPRAISAL_PASSED = "appraisal_passed", _("Đạt thẩm định")
    APPRAISAL_FAILED = "appraisal_failed", _("Không đạt thẩm định")
    VOTE_PASSED = "vote_passed", _("Hội đồng thông qua")
    VOTE_FAILED = "vote_failed", _("Hội đồng không thông qua")
    AWARDED = "awarded", _("Đã khen thưởng")
    FORWARDED = "forwarded", _("Đã trình Trung ương")
    NOT_AWARDED = "not_awarded", _("Trung ương không khen")


class DocumentType(models.TextChoices):
    """Documents of a dossier (Law Art 84; Decree 152/2025 Art 42)."""

    TO_TRINH = "to_trinh", _("Tờ trình đề nghị")
    BIEN_BAN = "bien_ban", _("Biên bản xét thi đua, khen thưởng của đơn vị")
    BAO_CAO_THANH_TICH = "bao_cao_thanh_tich", _("Báo cáo thành tích")
    XAC_NHAN_SANG_KIEN = "xac_nhan_sang_kien", _("Xác nhận sáng kiến / đề tài khoa học")
    KHAC = "khac", _("Tài liệu khác")


# Documents the dossier itself (not each line) must carry before submission.
DOSSIER_DOCUMENTS = [DocumentType.TO_TRINH, DocumentType.BIEN_BAN]


class MeetingState(models.TextChoices):
    DRAFT = "draft", _("Chuẩn bị")
    OPEN = "open", _("Đang bỏ phiếu")
    CLOSED = "closed", _("Đã kết thúc")


class BallotMode(models.TextChoices):
    SECRET = "secret", _("Bỏ phiếu kín")
    OPEN = "open", _("Biểu quyết công khai")


class VoteChoice(models.TextChoices):
    YES = "yes", _("Đồng ý")
    NO = "no", _("Không đồng ý")
    ABSTAIN = "abstain", _("Không biểu quyết")


class ItemResult(models.TextChoices):
    PENDING = "pending", _("Chưa biểu quyết")
    PASSED = "passed", _("Thông qua")
    FAILED = "failed", _("Không thông qua")


class DecisionState(models.TextChoices):
    DRAFT = "draft", _("Dự thảo")
    ISSUED = "issued", _("Đã ban hành")

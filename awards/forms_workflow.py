"""Forms of the workflow area (each binds input for one service call)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.enums import Role
from accounts.models import User
from campaigns.models import Campaign
from core.forms import CleanTextMixin

from .enums import CommendationType
from .enums_workflow import BallotMode, DocumentType, LineOutcome, VoteChoice
from .models import AwardKind

DATE_WIDGET = forms.DateInput(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy"})


class DossierForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Trích yếu"), max_length=400)
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)
    commendation_type = forms.ChoiceField(label=_("Loại khen thưởng"), choices=CommendationType.choices)
    campaign = forms.ModelChoiceField(label=_("Phong trào"), queryset=Campaign.objects.order_by("-start_date", "code"), required=False)


class LineForm(CleanTextMixin, forms.Form):
    subject = forms.CharField(widget=forms.HiddenInput, error_messages={"required": _("Hãy chọn đối tượng từ danh sách tìm kiếm.")})
    kind = forms.ModelChoiceField(label=_("Hình thức / danh hiệu"), queryset=AwardKind.objects.filter(is_active=True).order_by("-rank", "code"),
                                  to_field_name="code")
    achievement_summary = forms.CharField(label=_("Tóm tắt thành tích"), widget=forms.Textarea(attrs={"rows": 3}))


class DocumentForm(CleanTextMixin, forms.Form):
    doc_type = forms.ChoiceField(label=_("Loại tài liệu"), choices=DocumentType.choices)
    line = forms.IntegerField(required=False, widget=forms.HiddenInput)
    file = forms.FileField(label=_("Tệp (PDF, DOCX, XLSX, JPG, PNG)"))


class ReasonForm(CleanTextMixin, forms.Form):
    reason = forms.CharField(label=_("Lý do"), widget=forms.Textarea(attrs={"rows": 2}))


class NoteForm(CleanTextMixin, forms.Form):
    note = forms.CharField(label=_("Nội dung cần bổ sung"), widget=forms.Textarea(attrs={"rows": 4}))


class ReceiveForm(CleanTextMixin, forms.Form):
    appraiser = forms.ModelChoiceField(label=_("Chuyên viên thẩm định"), queryset=User.objects.filter(role=Role.STAFF, is_active=True))


class AppraiseForm(CleanTextMixin, forms.Form):
    passed = forms.TypedChoiceField(label=_("Kết quả"), choices=[("1", _("Đạt")), ("0", _("Không đạt"))], coerce=lambda v: v == "1")
    reason = forms.CharField(label=_("Lý do"), required=False)
    # The outcome shown when the page was rendered: a concurrent appraisal is refused, not overwritten.
    seen = forms.ChoiceField(choices=LineOutcome.choices, required=False)


class PostingForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Tiêu đề"), max_length=300)
    start_date = forms.DateField(label=_("Từ ngày"), widget=DATE_WIDGET)
    end_date = forms.DateField(label=_("Đến ngày"), widget=DATE_WIDGET)


class FeedbackForm(CleanTextMixin, forms.Form):
    text = forms.CharField(label=_("Nội dung ý kiến"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000)
    name = forms.CharField(label=_("Họ tên (không bắt buộc)"), required=False, max_length=200)
    contact = forms.CharField(label=_("Điện thoại hoặc e-mail (không bắt buộc)"), required=False, max_length=200)
    website = forms.CharField(label=_("Để trống ô này"), required=False)  # honeypot, hidden by CSS


class MeetingForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Tên phiên họp"), max_length=300)
    date = forms.DateField(label=_("Ngày họp"), widget=DATE_WIDGET)
    place = forms.CharField(label=_("Địa điểm"), required=False, max_length=300)
    ballot_mode = forms.ChoiceField(label=_("Hình thức biểu quyết"), choices=BallotMode.choices, initial=BallotMode.SECRET)
    members = forms.ModelMultipleChoiceField(
        label=_("Thành viên dự họp"), widget=forms.CheckboxSelectMultiple,
        queryset=User.objects.filter(role=Role.COUNCIL_MEMBER, is_active=True).order_by("-is_council_chair", "username"),
    )


class VoteForm(CleanTextMixin, forms.Form):
    choice = forms.ChoiceField(choices=VoteChoice.choices)


class DecisionForm(CleanTextMixin, forms.Form):
    number = forms.CharField(label=_("Số quyết định"), max_length=60, help_text=_("Ví dụ: 123/QĐ-UBND"))
    date = forms.DateField(label=_("Ngày quyết định"), widget=DATE_WIDGET)
    signer = forms.CharField(label=_("Người ký"), max_length=200)
    signer_title = forms.CharField(label=_("Chức vụ người ký"), max_length=200, required=False, initial=_("Chủ tịch"))
    title = forms.CharField(label=_("Trích yếu"), max_length=500)
    legal_basis = forms.CharField(label=_("Căn cứ"), widget=forms.Textarea(attrs={"rows": 4}), required=False)


class ForwardingForm(CleanTextMixin, forms.Form):
    number = forms.CharField(label=_("Số tờ trình"), max_length=60)
    date = forms.DateField(label=_("Ngày trình"), widget=DATE_WIDGET)
    title = forms.CharField(label=_("Trích yếu"), max_length=500)


class OutcomeForm(CleanTextMixin, forms.Form):
    central_number = forms.CharField(label=_("Số quyết định Trung ương"), max_length=60)
    central_date = forms.DateField(label=_("Ngày quyết định"), widget=DATE_WIDGET)
    central_issuer = forms.CharField(label=_("Cơ quan quyết định"), max_length=200, initial=_("Thủ tướng Chính phủ"))

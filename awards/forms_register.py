"""Forms of the register area: search, revocation, import upload."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin
from org.forms import DateInput

from .enums import AwardStatus
from .models import AwardKind, ImportKind


class RegisterSearchForm(CleanTextMixin, forms.Form):
    q = forms.CharField(label=_("Người / tập thể được khen"), required=False, max_length=200,
                        widget=forms.TextInput(attrs={"placeholder": _("Họ tên, tên đơn vị hoặc mã (không cần dấu)")}))
    unit = forms.CharField(label=_("Mã đơn vị"), required=False, max_length=40)
    kind = forms.ModelChoiceField(label=_("Hình thức / danh hiệu"), required=False, queryset=AwardKind.objects.order_by("-rank", "code"),
                                  to_field_name="code", empty_label=_("Tất cả"))
    year = forms.IntegerField(label=_("Năm"), required=False, min_value=1945, max_value=2100)
    decision = forms.CharField(label=_("Số quyết định"), required=False, max_length=60)
    status = forms.ChoiceField(label=_("Trạng thái"), required=False, choices=[("", _("Tất cả")), *AwardStatus.choices])


class RevokeForm(CleanTextMixin, forms.Form):
    decision_number = forms.CharField(label=_("Số quyết định hủy bỏ"), max_length=60)
    date = forms.DateField(label=_("Ngày quyết định hủy bỏ"), widget=DateInput())
    reason = forms.CharField(label=_("Lý do"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class ImportUploadForm(CleanTextMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Loại dữ liệu"), choices=ImportKind.choices)
    file = forms.FileField(label=_("Tệp .xlsx hoặc .csv (UTF-8)"))

    def __init__(self, *args, kinds=None, **kwargs):
        super().__init__(*args, **kwargs)
        if kinds is not None:
            self.fields["kind"].choices = [(k, label) for k, label in ImportKind.choices if k in kinds]

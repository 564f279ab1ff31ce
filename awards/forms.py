from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin
from org.forms import DateInput

from .models import AwardKind, BaseSalary, RewardRate


class AwardKindPolicyForm(CleanTextMixin, forms.ModelForm):
    reason = forms.CharField(label=_("Lý do thay đổi"), max_length=500)

    class Meta:
        model = AwardKind
        fields = ["name", "is_active", "requires_posting", "vote_threshold", "processing_days", "notes"]


class RewardRateForm(CleanTextMixin, forms.ModelForm):
    reason = forms.CharField(label=_("Lý do / căn cứ thay đổi"), max_length=500)

    class Meta:
        model = RewardRate
        fields = ["subject", "coefficient", "valid_from", "valid_to", "legal_basis"]
        widgets = {"valid_from": DateInput(), "valid_to": DateInput()}


class BaseSalaryForm(CleanTextMixin, forms.ModelForm):
    reason = forms.CharField(label=_("Lý do / căn cứ thay đổi"), max_length=500)

    class Meta:
        model = BaseSalary
        fields = ["valid_from", "amount", "legal_basis"]
        widgets = {"valid_from": DateInput()}

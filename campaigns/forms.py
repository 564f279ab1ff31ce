from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin
from org.enums import UnitKind
from org.forms import DateInput
from org.models import CODE_REGEX, Unit

from .files import validate_document
from .models import Campaign, Target


class DocumentField(forms.FileField):
    """A PDF or DOCX upload checked by content and size."""

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if value and value is not initial:
            validate_document(value)
        return value


class CampaignForm(CleanTextMixin, forms.ModelForm):
    participant_kinds = forms.MultipleChoiceField(
        label=_("Các loại đơn vị tham gia"), choices=UnitKind.choices, required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    participants = forms.ModelMultipleChoiceField(
        label=_("Danh sách đơn vị tham gia"), queryset=Unit.objects.filter(is_active=True).order_by("path"),
        required=False,
    )
    directive_file = DocumentField(label=_("Tệp văn bản phát động (PDF, DOCX)"), required=False)

    class Meta:
        model = Campaign
        fields = [
            "code", "name", "theme", "kind", "scope", "year", "directive_number", "directive_date",
            "directive_signer", "directive_file", "start_date", "end_date", "participation",
        ]
        widgets = {"directive_date": DateInput(), "start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].validators.append(RegexValidator(CODE_REGEX, _("Mã chỉ gồm chữ không dấu, số và . _ -")))
        if self.instance.pk:
            self.fields["participants"].initial = list(self.instance.participants.values_list("pk", flat=True))
            self.fields["participant_kinds"].initial = self.instance.participant_kinds

    def clean(self):
        data = super().clean()
        if data.get("participation") == "list" and not data.get("participants"):
            self.add_error("participants", _("Chọn ít nhất một đơn vị."))
        if data.get("participation") == "kinds" and not data.get("participant_kinds"):
            self.add_error("participant_kinds", _("Chọn ít nhất một loại đơn vị."))
        self.instance.participant_kinds = data.get("participant_kinds") or []
        return data


class TargetForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Target
        fields = ["indicator", "measure", "target_value", "higher_is_better"]
        localized_fields = ["target_value"]


class ContentItemForm(CleanTextMixin, forms.Form):
    text = forms.CharField(label=_("Nội dung thi đua"), widget=forms.Textarea(attrs={"rows": 2}), max_length=2000)


class ReviewForm(CleanTextMixin, forms.Form):
    """Date, report and one actual-value field per target (``actual_<id>``)."""

    held_on = forms.DateField(label=_("Ngày tổ chức"), widget=DateInput())
    report_file = DocumentField(label=_("Tệp báo cáo (PDF, DOCX)"), required=False)
    summary = forms.CharField(label=_("Tóm tắt kết quả"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, targets=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.targets = list(targets)
        for target in self.targets:
            self.fields[f"actual_{target.pk}"] = forms.DecimalField(
                label=_("%(indicator)s – thực hiện (kế hoạch %(value)s %(measure)s)")
                % {"indicator": target.indicator, "value": format(target.target_value.normalize(), "f"), "measure": target.measure},
                required=False, max_digits=18, decimal_places=3, initial=target.actual_value, localize=True,
            )

    def results(self):
        return [(t, self.cleaned_data.get(f"actual_{t.pk}")) for t in self.targets]


class RegistrationForm(CleanTextMixin, forms.Form):
    """The collective title and, per person of the unit, the individual title aimed for (``kind_<person id>``)."""

    collective_kind = forms.ModelChoiceField(label=_("Danh hiệu tập thể đăng ký"), queryset=None, required=False)
    note = forms.CharField(label=_("Ghi chú"), widget=forms.Textarea(attrs={"rows": 2}), required=False)

    def __init__(self, *args, collective_kinds, individual_kinds, people, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["collective_kind"].queryset = collective_kinds
        self.people = list(people)
        self.individual_kinds = {k.pk: k for k in individual_kinds}
        chosen = {}
        if current is not None:
            self.fields["collective_kind"].initial = current.collective_kind_id
            self.fields["note"].initial = current.note
            chosen = {ri.person_id: ri.kind_id for ri in current.individuals.all()}
        choices = [("", "—")] + [(k.pk, k.name) for k in individual_kinds]
        for person in self.people:
            self.fields[f"kind_{person.pk}"] = forms.TypedChoiceField(
                label=f"{person.full_name} ({person.code})", choices=choices, required=False, coerce=int,
                empty_value=None, initial=chosen.get(person.pk),
            )

    def person_fields(self):
        return [(p, self[f"kind_{p.pk}"]) for p in self.people]

    def individuals(self):
        found = []
        for person in self.people:
            kind_id = self.cleaned_data.get(f"kind_{person.pk}")
            if kind_id:
                if kind_id not in self.individual_kinds:
                    raise ValidationError(_("Danh hiệu không hợp lệ."))
                found.append((person, self.individual_kinds[kind_id]))
        return found

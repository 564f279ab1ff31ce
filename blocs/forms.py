from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from campaigns.forms import DocumentField
from core.forms import CleanTextMixin
from org.forms import DateInput
from org.models import CODE_REGEX, Unit

from .enums import CriterionKind
from .models import EmulationGroup
from .scoring import fmt_points


class GroupForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = EmulationGroup
        fields = ["code", "name", "kind", "description"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].validators.append(RegexValidator(CODE_REGEX, _("Mã chỉ gồm chữ không dấu, số và . _ -")))


class YearStartForm(CleanTextMixin, forms.Form):
    year = forms.IntegerField(label=_("Năm"), min_value=2000, max_value=2100)


class MembersForm(CleanTextMixin, forms.Form):
    units = forms.ModelMultipleChoiceField(label=_("Đơn vị thành viên"), queryset=Unit.objects.filter(is_active=True).order_by("path"))


class LeadersForm(CleanTextMixin, forms.Form):
    head = forms.ModelChoiceField(label=_("Trưởng khối"), queryset=Unit.objects.none())
    deputy = forms.ModelChoiceField(label=_("Phó khối"), queryset=Unit.objects.none(), required=False)
    reason = forms.CharField(label=_("Lý do (luân phiên, bầu tại hội nghị...)"), max_length=300, required=False)

    def __init__(self, *args, members=None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Unit.objects.filter(pk__in=[u.pk for u in members or []]).order_by("name")
        self.fields["head"].queryset = qs
        self.fields["deputy"].queryset = qs


class AgreementForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Tên giao ước"), max_length=300)
    signed_on = forms.DateField(label=_("Ngày ký"), widget=DateInput(), required=False)
    document = DocumentField(label=_("Tệp giao ước (PDF, DOCX)"), required=False)


class SignForm(CleanTextMixin, forms.Form):
    signer_name = forms.CharField(label=_("Người ký"), max_length=200)
    signer_position = forms.CharField(label=_("Chức vụ"), max_length=200, required=False)


class CriterionForm(CleanTextMixin, forms.Form):
    number = forms.CharField(label=_("Số"), max_length=20)
    title = forms.CharField(label=_("Tiêu chí"), max_length=500)
    kind = forms.ChoiceField(label=_("Loại"), choices=CriterionKind.choices)
    max_points = forms.DecimalField(label=_("Điểm tối đa"), min_value=0, max_digits=7, decimal_places=2, localize=True)
    parent = forms.ModelChoiceField(label=_("Thuộc tiêu chí"), queryset=None, required=False)

    def __init__(self, *args, group_year=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = group_year.criteria.order_by("order") if group_year else None


class ScoringOpenForm(CleanTextMixin, forms.Form):
    deadline = forms.DateField(label=_("Hạn tự chấm điểm"), widget=DateInput())


class SheetForm(CleanTextMixin, forms.Form):
    """One points field and one note field per leaf criterion (``points_<id>``, ``note_<id>``).

    ``mode`` ``self``: the member's points and evidence; ``verify``: the verified points and the reason.
    """

    def __init__(self, *args, rows, mode: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        self.mode = mode
        for criterion, score in rows:
            if not criterion.is_leaf:
                continue
            if mode == "self":
                initial_points = score.self_points if score else None
                initial_note = score.evidence if score else ""
                note_label = _("Minh chứng")
            else:
                initial_points = (score.verified_points if score and score.verified_points is not None
                                  else (score.self_points if score else None))
                initial_note = score.verify_reason if score else ""
                note_label = _("Lý do điều chỉnh")
            self.fields[f"points_{criterion.pk}"] = forms.DecimalField(
                label=_("Điểm %(n)s (tối đa %(max)s)") % {"n": criterion.number, "max": fmt_points(criterion.max_points)},
                required=False, min_value=0, max_value=criterion.max_points, max_digits=7, decimal_places=2,
                initial=initial_points, localize=True,
            )
            self.fields[f"note_{criterion.pk}"] = forms.CharField(
                label=f"{note_label} {criterion.number}", required=False, initial=initial_note,
                max_length=2000,
            )

    def lines(self):
        """(criterion, score, points field, note field) for the template, in sheet order."""
        out = []
        for criterion, score in self.rows:
            if criterion.is_leaf:
                out.append((criterion, score, self[f"points_{criterion.pk}"], self[f"note_{criterion.pk}"]))
            else:
                out.append((criterion, score, None, None))
        return out

    def entries(self):
        from .services import ScoreEntry

        return [
            ScoreEntry(c, self.cleaned_data.get(f"points_{c.pk}"), self.cleaned_data.get(f"note_{c.pk}") or "")
            for c, _s in self.rows if c.is_leaf
        ]


class VoteForm(CleanTextMixin, forms.Form):
    candidate = forms.ModelChoiceField(label=_("Suy tôn đơn vị dẫn đầu"), queryset=Unit.objects.none())

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["candidate"].queryset = Unit.objects.filter(pk__in=[u.pk for u in candidates]).order_by("name")

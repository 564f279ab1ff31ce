"""Forms of the evidence pages: a year's rating, a discipline or pending hold, an initiative.

Each form only validates and cleans what was typed; the writes are in ``awards.services.evidence``.
"""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin
from core.text import clean_text
from org.forms import DateInput, code_validator

from .enums import Grade
from .models import Discipline, Initiative

FIRST_YEAR = 1990
CODE_SEPARATORS = re.compile(r"[;,\s]+")


def last_year() -> int:
    return timezone.localdate().year + 1


def check_year(year: int | None) -> int | None:
    if year is not None and not FIRST_YEAR <= year <= last_year():
        raise forms.ValidationError(
            _("Năm phải trong khoảng %(first)s–%(last)s.") % {"first": FIRST_YEAR, "last": last_year()}
        )
    return year


def reason_field(*, required: bool = True) -> forms.CharField:
    return forms.CharField(
        label=_("Lý do"),
        required=required,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Hãy ghi lý do của thay đổi.")},
        help_text=_("Được ghi vào nhật ký thao tác."),
    )


class ReasonMixin:
    def set_year_bounds(self) -> None:
        if "year" in self.fields:
            self.fields["year"].widget.attrs.update({"min": FIRST_YEAR, "max": last_year()})

    def clean_reason(self) -> str:
        reason = clean_text(self.cleaned_data.get("reason"), multiline=True)
        if self.fields["reason"].required and not reason:
            raise forms.ValidationError(_("Hãy ghi lý do của thay đổi."))
        return reason


class RatingForm(CleanTextMixin, ReasonMixin, forms.Form):
    year = forms.IntegerField(
        label=_("Năm"), error_messages={"required": _("Hãy nhập năm."), "invalid": _("Năm phải là một số.")}
    )
    grade = forms.ChoiceField(
        label=_("Xếp loại"),
        choices=Grade.choices,
        error_messages={"required": _("Hãy chọn xếp loại."), "invalid_choice": _("Xếp loại không hợp lệ.")},
    )
    reason = reason_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.set_year_bounds()

    def clean_year(self) -> int:
        return check_year(self.cleaned_data["year"])


class DisciplineForm(CleanTextMixin, ReasonMixin, forms.ModelForm):
    """A discipline or a pending hold; ``reason`` is required when an existing record is edited."""

    reason = reason_field(required=False)

    class Meta:
        model = Discipline
        fields = ["form", "start_date", "end_date", "decision_number", "note"]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "note": forms.Textarea(attrs={"rows": 2}),
        }
        error_messages = {
            "start_date": {
                "required": _("Hãy nhập ngày bắt đầu."),
                "invalid": _("Ngày không hợp lệ (dd/mm/yyyy)."),
            },
            "end_date": {"invalid": _("Ngày không hợp lệ (dd/mm/yyyy).")},
            "form": {"required": _("Hãy chọn hình thức."), "invalid_choice": _("Hình thức không hợp lệ.")},
        }
        help_texts = {"end_date": _("Để trống khi đang xem xét chưa có kết luận.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["reason"].required = True

    def clean_decision_number(self) -> str:
        return clean_text(self.cleaned_data.get("decision_number"))

    def clean_note(self) -> str:
        return clean_text(self.cleaned_data.get("note"), multiline=True)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _('"Đến ngày" không được trước "Từ ngày".'))
        return data


class InitiativeForm(CleanTextMixin, ReasonMixin, forms.ModelForm):
    """An initiative of the person whose page it is opened from; the other authors by person code.

    ``authors_in_scope`` is the queryset co-authors are looked up in (the writer's scope);
    ``cleaned_data["co_authors"]`` is the list of Person rows found.
    """

    co_authors = forms.CharField(
        label=_("Đồng tác giả (mã cá nhân)"),
        required=False,
        max_length=2000,
        help_text=_("Các mã cách nhau bằng dấu chấm phẩy, ví dụ: CN00002; CN00003."),
    )
    reason = reason_field(required=False)

    class Meta:
        model = Initiative
        fields = ["code", "title", "year", "scope", "decision_number"]
        error_messages = {
            "code": {"required": _("Hãy nhập mã sáng kiến.")},
            "title": {"required": _("Hãy nhập tên sáng kiến.")},
            "year": {"required": _("Hãy nhập năm công nhận."), "invalid": _("Năm phải là một số.")},
            "scope": {
                "required": _("Hãy chọn phạm vi ảnh hưởng."),
                "invalid_choice": _("Phạm vi không hợp lệ."),
            },
        }

    def __init__(self, *args, author, authors_in_scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.author = author
        self.authors_in_scope = authors_in_scope
        self.set_year_bounds()
        if self.instance.pk:
            # the code is the initiative's stable identifier (files, URLs, the award that used it)
            del self.fields["code"]
            self.fields["reason"].required = True
            # also when bound: ``changed_data`` compares the posted list with the stored one
            self.initial.setdefault("co_authors", "; ".join(
                p.code for p in self.instance.authors.order_by("code") if p.pk != author.pk
            ))
        else:
            self.fields["code"].validators.append(code_validator)

    def clean_code(self) -> str:
        code = clean_text(self.cleaned_data.get("code"))
        if Initiative.objects.filter(code=code).exists():
            raise forms.ValidationError(_("Mã sáng kiến %(code)s đã có.") % {"code": code})
        return code

    def clean_title(self) -> str:
        title = clean_text(self.cleaned_data.get("title"))
        if not title:
            raise forms.ValidationError(_("Hãy nhập tên sáng kiến."))
        return title

    def clean_decision_number(self) -> str:
        return clean_text(self.cleaned_data.get("decision_number"))

    def clean_year(self) -> int:
        return check_year(self.cleaned_data["year"])

    def clean_co_authors(self) -> list:
        raw = clean_text(self.cleaned_data.get("co_authors"))
        codes = list(dict.fromkeys(c for c in CODE_SEPARATORS.split(raw) if c and c != self.author.code))
        found = {p.code: p for p in self.authors_in_scope.filter(code__in=codes).select_related("unit")}
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise forms.ValidationError(
                _("Không có cá nhân mã %(codes)s trong phạm vi của bạn.") % {"codes": ", ".join(unknown)}
            )
        return [found[c] for c in codes]

    def authors(self) -> list:
        return [self.author, *self.cleaned_data["co_authors"]]

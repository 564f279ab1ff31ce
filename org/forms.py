from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin

from .models import CODE_REGEX, Household, Person, Unit

code_validator = RegexValidator(
    CODE_REGEX, _("Mã chỉ gồm chữ không dấu, số và các ký tự . _ - (tối đa 40 ký tự).")
)


class DateInput(forms.DateInput):
    input_type = "text"

    def __init__(self, **kwargs):
        super().__init__(format="%d/%m/%Y", attrs={"placeholder": "dd/mm/yyyy", "inputmode": "numeric"}, **kwargs)


class UnitForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Unit
        fields = ["code", "name", "kind", "parent", "hardship_area", "successor", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].validators.append(code_validator)
        units = Unit.objects.order_by("path")
        if self.instance.pk:
            units = units.exclude(path__startswith=self.instance.path)
        self.fields["parent"].queryset = units
        self.fields["successor"].queryset = Unit.objects.exclude(pk=self.instance.pk).order_by("path")


class PersonForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Person
        fields = ["code", "full_name", "gender", "birth_date", "ethnicity", "unit", "position", "is_leader", "is_active"]
        widgets = {"birth_date": DateInput()}

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].validators.append(code_validator)
        if units is not None:
            self.fields["unit"].queryset = units.order_by("path")


class HouseholdForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = Household
        fields = ["code", "head_name", "address", "unit"]

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].validators.append(code_validator)
        if units is not None:
            self.fields["unit"].queryset = units.order_by("path")

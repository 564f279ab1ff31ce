from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from core.forms import CleanTextMixin

from .models import User


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản này đã bị khóa."),
    }


class UserForm(CleanTextMixin, forms.ModelForm):
    password = forms.CharField(
        label=_("Mật khẩu"), widget=forms.PasswordInput(render_value=False), required=False,
        help_text=_("Để trống khi sửa nếu không đổi mật khẩu."),
    )

    class Meta:
        model = User
        fields = ["username", "full_name", "email", "role", "unit", "position", "is_council_chair", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["password"].required = True
        self.fields["unit"].queryset = self.fields["unit"].queryset.order_by("path")

    def clean(self):
        data = super().clean()
        if data.get("role") in ("unit_officer", "unit_head") and not data.get("unit"):
            self.add_error("unit", _("Cán bộ và thủ trưởng đơn vị phải thuộc một đơn vị."))
        return data

    def clean_password(self):
        password = self.cleaned_data.get("password", "")
        if password:
            password_validation.validate_password(password, self.instance)
        return password

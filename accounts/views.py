from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from core.audit import snapshot
from core.pagination import paginate
from core.text import filter_search

from . import services
from .forms import LoginForm, UserForm
from .models import User
from .permissions import staff_required


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


@staff_required
def user_list(request):
    q = request.GET.get("q", "")
    users = filter_search(User.objects.select_related("unit"), q).order_by("role", "username")
    page = paginate(request, users)
    return render(request, "accounts/user_list.html", {"page": page, "q": q})


@staff_required
def user_edit(request, pk=None):
    user = get_object_or_404(User, pk=pk) if pk else User()
    before = snapshot(user, services.USER_FIELDS) if pk else None
    form = UserForm(request.POST or None, instance=user)
    if request.method == "POST" and form.is_valid():
        password = form.cleaned_data.get("password", "")
        if pk:
            services.user_update(actor=request.user, user=form.instance, before=before, password=password)
        else:
            services.user_create(actor=request.user, user=form.instance, password=password)
        messages.success(request, _("Đã lưu tài khoản %(name)s.") % {"name": form.instance.username})
        return redirect("accounts:user-list")
    return render(request, "accounts/user_form.html", {"form": form, "obj": user if pk else None})

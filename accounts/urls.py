from django.urls import path

from . import views, views_otp

app_name = "accounts"
urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("xac-thuc-hai-lop/", views_otp.otp_setup, name="otp-setup"),
    path("xac-thuc-hai-lop/nhap-ma/", views_otp.otp_verify, name="otp-verify"),
    path("xac-thuc-hai-lop/tat/", views_otp.otp_off, name="otp-off"),
    path("nguoi-dung/", views.user_list, name="user-list"),
    path("nguoi-dung/them/", views.user_edit, name="user-create"),
    path("nguoi-dung/<int:pk>/sua/", views.user_edit, name="user-edit"),
]

"""An organiser's password: reset by e-mail, change when logged in; included by orga/urls.py."""

from django.urls import path

from . import accounts

urlpatterns = [
    path("password-reset/", accounts.PasswordResetView.as_view(), name="password-reset"),
    path(
        "password-reset/sent/",
        accounts.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/done/",
        accounts.PasswordResetCompleteView.as_view(),
        name="password-reset-complete",
    ),
    path("password-change/", accounts.PasswordChangeView.as_view(), name="password-change"),
]

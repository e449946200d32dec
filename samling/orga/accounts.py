"""An organiser's account: resetting a forgotten password by e-mail, changing it when logged in.

Django's auth views do the work; the reset mail goes through Samling's outbox like every other
mail, in the language the organiser is reading the page in. The reset pages answer the same
whether or not the address belongs to an account, so they tell nobody who has one.
"""

from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import views as auth_views
from django.contrib.messages.views import SuccessMessageMixin
from django.template.loader import render_to_string
from django.urls import reverse, reverse_lazy
from django.utils.translation import gettext_lazy as _

from samling.events.queries import absolute_url
from samling.notifications.services import queue_mail


class PasswordResetForm(auth_forms.PasswordResetForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        """Queue the mail in the outbox (sent after the request commits, retried if need be)."""
        link = reverse(
            "orga:password-reset-confirm",
            kwargs={"uidb64": context["uid"], "token": context["token"]},
        )
        context = {**context, "reset_url": absolute_url(link)}
        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        queue_mail(to=to_email, subject=subject, body=body, kind="password-reset")


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetForm
    template_name = "orga/accounts/password_reset_form.html"
    subject_template_name = "orga/accounts/password_reset_subject.txt"
    email_template_name = "orga/accounts/password_reset_email.txt"
    success_url = reverse_lazy("orga:password-reset-done")
    extra_context = {"title": _("Forgot your password?")}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "orga/accounts/password_reset_done.html"
    extra_context = {"title": _("Check your inbox")}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "orga/accounts/password_reset_confirm.html"
    success_url = reverse_lazy("orga:password-reset-complete")
    extra_context = {"title": _("Choose a new password")}


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "orga/accounts/password_reset_complete.html"
    extra_context = {"title": _("Your password is changed")}


class PasswordChangeView(SuccessMessageMixin, auth_views.PasswordChangeView):
    """Login required (Django's view says so itself); the session stays logged in afterwards."""

    template_name = "orga/accounts/password_change.html"
    success_url = reverse_lazy("orga:dashboard")
    success_message = _("Your password is changed.")
    extra_context = {"title": _("Change your password")}

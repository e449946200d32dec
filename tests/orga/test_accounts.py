import datetime as dt
import os
import re
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from samling.notifications.models import OutboxMessage
from tests.factories import PASSWORD, TeamMembershipFactory

pytestmark = pytest.mark.integration

NEW_PASSWORD = "Ny-adgangskode-til-Ærø-7"


def ask_for_reset(client, email, capture, **headers):
    with capture(execute=True):
        return client.post(reverse("orga:password-reset"), {"email": email}, **headers)


def test_login_page_links_to_the_reset_form(client, db):
    html = client.get("/orga/login/").content.decode()
    assert f'href="{reverse("orga:password-reset")}"' in html
    form = client.get(reverse("orga:password-reset")).content.decode()
    assert '<label for="id_email">' in form and 'autocomplete="email"' in form


def test_reset_by_mail_then_log_in_with_the_new_password(
    client, db, django_capture_on_commit_callbacks
):
    user = TeamMembershipFactory().user
    response = ask_for_reset(client, user.email.upper(), django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert response["Location"] == reverse("orga:password-reset-done")

    # Through the outbox, like every mail Samling sends.
    (queued,) = OutboxMessage.objects.filter(kind="password-reset")
    assert queued.to == user.email and queued.status == OutboxMessage.Status.SENT
    (sent,) = mail.outbox
    assert sent.to == [user.email] and sent.body == queued.body
    link = re.search(r"https?://\S+/orga/password-reset/\S+/", sent.body).group(0)
    path = link[link.index("/orga/") :]

    form_page = client.get(path, follow=True)
    assert form_page.redirect_chain and "set-password" in form_page.redirect_chain[-1][0]
    assert 'name="new_password1"' in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert done["Location"] == reverse("orga:password-reset-complete")
    assert client.get(done["Location"]).status_code == 200

    assert (
        client.post("/orga/login/", {"username": user.email, "password": PASSWORD}).status_code
        == 200
    )
    login = client.post("/orga/login/", {"username": user.email, "password": NEW_PASSWORD})
    assert login.status_code == 302 and login["Location"] == "/orga/"
    client.logout()
    # The link works once.
    used = client.get(path, follow=True).content.decode()
    assert 'name="new_password1"' not in used
    assert reverse("orga:password-reset") in used


def test_unknown_address_gets_the_same_answer_and_no_mail(
    client, db, django_capture_on_commit_callbacks
):
    user = TeamMembershipFactory().user
    unknown = ask_for_reset(client, "nobody@example.org", django_capture_on_commit_callbacks)
    known = ask_for_reset(client, user.email, django_capture_on_commit_callbacks)
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"]
    assert [m.to for m in OutboxMessage.objects.all()] == [user.email]
    assert len(mail.outbox) == 1


def test_reset_mail_is_written_in_the_language_of_the_page(
    client, db, django_capture_on_commit_callbacks
):
    user = TeamMembershipFactory().user
    ask_for_reset(client, user.email, django_capture_on_commit_callbacks, HTTP_ACCEPT_LANGUAGE="sv")
    (message,) = OutboxMessage.objects.all()
    with translation.override("sv"):
        assert message.subject == gettext("A new password for Samling")
        assert gettext("Hello,") in message.body


def test_password_change_for_a_logged_in_organiser(client, db):
    user = TeamMembershipFactory().user
    url = reverse("orga:password-change")
    assert client.get(url)["Location"].startswith("/orga/login/")
    client.force_login(user)
    assert f'href="{url}"' in client.get("/orga/").content.decode()

    wrong = client.post(
        url,
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert wrong.status_code == 200 and 'aria-invalid="true"' in wrong.content.decode()

    response = client.post(
        url,
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("orga:dashboard")
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.get("/orga/").status_code == 200  # still logged in


def test_session_ends_after_the_configured_hours(client, db):
    user = TeamMembershipFactory().user
    client.force_login(user)
    assert client.get("/orga/").status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    age = dt.timedelta(seconds=django_settings.SESSION_COOKIE_AGE)
    assert age == dt.timedelta(hours=12)
    assert abs(session.expire_date - (timezone.now() + age)) < dt.timedelta(minutes=1)

    # Logged in an hour less than the limit ago: still in.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + dt.timedelta(hours=1))
    assert client.get("/orga/").status_code == 200
    # Logged in longer ago than that: out.
    Session.objects.filter(pk=session.pk).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    response = client.get("/orga/")
    assert response.status_code == 302 and response["Location"].startswith("/orga/login/")


def test_session_hours_are_read_from_the_environment(tmp_path):
    env = {**os.environ, "SAMLING_SESSION_HOURS": "2", "SAMLING_DATA_DIR": str(tmp_path)}
    code = (
        "import django; django.setup(); "
        "from django.conf import settings; print(settings.SESSION_COOKIE_AGE)"
    )
    env["DJANGO_SETTINGS_MODULE"] = "samling.settings"
    output = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert output.stdout.strip() == str(2 * 60 * 60)

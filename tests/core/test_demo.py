import re

import pytest
from django.core.management import call_command

from samling.events.models import Event
from samling.networks.models import TeamMembership
from samling.programme.models import Item, SpeakerRole

pytestmark = pytest.mark.integration

LOGIN_LINE = re.compile(r"^login: (\S+@\S+) (\S+) (admin|organiser|checkin) ([a-z0-9-]+)$")


def counts():
    return (Event.objects.count(), Item.objects.count(), SpeakerRole.objects.count())


def test_demo_command_prints_the_address_and_login_lines(db, capsys):
    call_command("demo", no_serve=True)
    lines = capsys.readouterr().out.splitlines()
    assert "http://127.0.0.1:8000/" in lines[0]
    logins = [LOGIN_LINE.match(line) for line in lines if line.startswith("login: ")]
    assert logins and all(logins)
    roles = {(m.group(3), m.group(4)) for m in logins}
    assert ("admin", "kl") in roles
    assert ("admin", "svenska-industrikommuner") in roles
    assert any(role == "checkin" for role, _network in roles)


def test_demo_logins_work(client, db, capsys):
    call_command("demo", no_serve=True)
    for line in capsys.readouterr().out.splitlines():
        if match := LOGIN_LINE.match(line):
            email, password = match.group(1), match.group(2)
            assert client.login(username=email, password=password)
            client.logout()


def test_demo_loading_twice_changes_nothing(demo):
    from samling.core.demo.load import load_demo

    before = counts()
    updated = list(Event.objects.order_by("pk").values_list("updated_at", flat=True))
    load_demo()
    assert counts() == before
    assert list(Event.objects.order_by("pk").values_list("updated_at", flat=True)) == updated


def test_demo_has_both_seed_events_and_upcoming_copies(demo):
    slugs = set(Event.objects.values_list("slug", flat=True))
    assert {
        "temasession-innovation-og-udvikling-i-hele-landet",
        "innovationsmotet-skelleftea-2021",
        "industridagen-2022",
        "temasession-innovation-og-udvikling-2027",
        "innovationsmotet-skelleftea-2027",
    } <= slugs
    assert Event.objects.upcoming().filter(slug__endswith="2027").count() == 2
    copy = Event.objects.get(slug="innovationsmotet-skelleftea-2027")
    assert copy.days.count() == 2
    assert Item.objects.filter(day__event=copy, parent=None).count() == 16


def test_demo_has_an_admin_per_network(demo):
    admins = TeamMembership.objects.filter(role="admin").values_list("network__slug", flat=True)
    assert set(admins) == {"kl", "svenska-industrikommuner"}


def test_demo_phone_numbers_are_stored_in_international_form(demo):
    from samling.networks.models import Person

    assert Person.objects.get(name="Johan Scherlin").phone == "+46709197135"

"""Loads the demo content idempotently: what exists already is left as it is."""

import datetime as dt
import zoneinfo
from pathlib import Path

from django.core.files import File
from django.db import transaction

from samling.events.models import (
    Attachment,
    Event,
    EventChange,
    EventContact,
    OnlineMeeting,
    Series,
    Venue,
)
from samling.events.services import copy_event
from samling.networks.models import Municipality, Network, Person, TeamMembership, User
from samling.programme.models import Day, Item, SpeakerRole, Track
from samling.registration.models import Option
from samling.registration.services import RegistrationData, open_registration, register

from . import content as c

FILES = Path(__file__).parent


def _aware(date: str, time: str, tz: str) -> dt.datetime:
    return dt.datetime.fromisoformat(f"{date}T{time}").replace(tzinfo=zoneinfo.ZoneInfo(tz))


def _network(data: dict) -> Network:
    network, created = Network.objects.get_or_create(
        slug=data["slug"],
        defaults={k: v for k, v in data.items() if k not in {"slug", "members"}},
    )
    if created:
        members = [
            Municipality.objects.get_or_create(name=name, country=data["country"])[0]
            for name in data["members"]
        ]
        network.members.set(members)
    return network


def _people(network: Network, people: list[dict]) -> dict[str, Person]:
    found = {}
    for data in people:
        data = dict(data)
        municipality = data.pop("municipality", None)
        if municipality:
            data["municipality"] = Municipality.objects.get(
                name=municipality, country=network.country
            )
        person, created = Person.objects.get_or_create(
            network=network, name=data.pop("name"), defaults=data
        )
        if created and person.phone:
            person.full_clean()
            person.save()
        found[person.name] = person
    return found


def _item(day: Day, data: dict, position: int, people, tracks, parent=None) -> Item:
    def time(key):
        value = data.get(key)
        return (
            dt.time.fromisoformat(value) if value else (parent and getattr(parent, key + "_time"))
        )

    item = Item.objects.create(
        day=day,
        parent=parent,
        track=tracks.get(data.get("track")),
        position=position,
        start_time=time("start"),
        end_time=time("end"),
        approximate=data.get("approximate", False),
        kind=data["kind"],
        title=data["title"],
        description=data.get("description", ""),
        location=data.get("location", ""),
        agenda=data.get("agenda", ""),
        notes=data.get("notes", ""),
    )
    for index, role in enumerate(data.get("roles", [])):
        SpeakerRole.objects.create(
            item=item,
            person=people[role["person"]],
            function=role["function"],
            role_text=role["role_text"],
            position=index,
        )
    for index, session in enumerate(data.get("sessions", [])):
        _item(day, session, index, people, tracks, parent=item)
    return item


def _event(network: Network, data: dict, people: dict, series=None) -> Event:
    existing = Event.objects.filter(slug=data["slug"]).first()
    if existing:
        return existing
    tz = data["timezone"]
    venue = Venue.objects.filter(network=network, name=data.get("venue")).first()
    event = Event.objects.create(
        network=network,
        series=series,
        series_position=data.get("series_position"),
        slug=data["slug"],
        title=data["title"],
        subtitle=data.get("subtitle", ""),
        summary=data.get("summary", ""),
        description=data.get("description", ""),
        highlights=data.get("highlights", ""),
        audience=data.get("audience", ""),
        language=data["language"],
        timezone=tz,
        starts_at=_aware(*data["start"], tz),
        ends_at=_aware(*data["end"], tz),
        times_announced=data.get("times_announced", True),
        mode=data["mode"],
        venue=venue,
        registration_url=data.get("registration_url", ""),
        registration_note=data.get("registration_note", ""),
        announced_on=data.get("announced_on"),
        is_published=True,
    )
    if "online" in data:
        OnlineMeeting.objects.create(event=event, **data["online"])
    if "previous" in data:
        start_date, start_time, end_date, end_time = data["previous"]
        EventChange.objects.create(
            event=event,
            kind=EventChange.Kind.RESCHEDULED,
            previous_starts_at=_aware(start_date, start_time, tz),
            previous_ends_at=_aware(end_date, end_time, tz),
            new_starts_at=event.starts_at,
            new_ends_at=event.ends_at,
            note=data["change_note"],
            changed_at=_aware(*data["changed_at"], tz),
        )
        event.status = Event.Status.RESCHEDULED
        event.save(update_fields=["status"])
    tracks = {
        track["name"]: Track.objects.create(event=event, position=index, **track)
        for index, track in enumerate(data["tracks"])
    }
    for day_data in data["days"]:
        day = Day.objects.create(
            event=event,
            date=dt.date.fromisoformat(day_data["date"]),
            label=day_data["label"],
            intro=day_data["intro"],
        )
        for index, item_data in enumerate(day_data["items"]):
            _item(day, item_data, index, people, tracks)
    for index, contact in enumerate(data["contacts"]):
        EventContact.objects.create(
            event=event,
            person=people.get(contact.get("person")),
            venue=Venue.objects.filter(network=network, name=contact.get("venue")).first(),
            function=contact["function"],
            position=index,
        )
    for index, attachment in enumerate(data["attachments"]):
        with open(FILES / attachment["file"], "rb") as handle:
            Attachment.objects.create(
                event=event,
                title=attachment["title"],
                file=File(handle, name=attachment["file"]),
                is_programme=attachment["is_programme"],
                position=index,
            )
    for slug in data.get("related", []):
        event.related_events.add(Event.objects.get(slug=slug))
    return event


def _accounts() -> list[str]:
    lines = []
    for account in c.DEMO_ACCOUNTS:
        user = User.objects.filter(email=account["email"]).first()
        if user is None:
            user = User.objects.create_user(
                email=account["email"],
                password=c.DEMO_PASSWORD,
                first_name=account["name"][0],
                last_name=account["name"][1],
                is_staff=account["role"] != "checkin",
            )
        network = Network.objects.get(slug=account["network"])
        if account["role"] == "organiser":
            user.organised_events.add(*network.events.all())
        TeamMembership.objects.get_or_create(
            network=network,
            user=user,
            defaults={"role": account["role"]},
        )
        lines.append(
            f"login: {account['email']} {c.DEMO_PASSWORD} {account['role']} {account['network']}"
        )
    return lines


@transaction.atomic
def load_demo() -> list[str]:
    """Create the demo networks, events and accounts; return the `login:` lines to print."""
    kl = _network(c.KL)
    kl_people = _people(kl, c.KL_PEOPLE)
    series, _created = Series.objects.get_or_create(
        slug=c.KL_SERIES["slug"], defaults={**c.KL_SERIES, "network": kl}
    )
    _event(kl, c.KL_EVENT, kl_people, series=series)

    se = _network(c.INDUSTRIKOMMUNER)
    se_people = _people(se, c.SE_PEOPLE)
    venue, created = Venue.objects.get_or_create(
        network=se, name=c.WOOD_HOTEL["name"], defaults=c.WOOD_HOTEL
    )
    if created:
        venue.full_clean()
        venue.save()
    _event(se, c.INDUSTRIDAGEN, se_people)
    _event(se, c.SKELLEFTEA_EVENT, se_people)

    for copy in c.UPCOMING_COPIES:
        if not Event.objects.filter(slug=copy["slug"]).exists():
            event = copy_event(
                Event.objects.get(slug=copy["source"]),
                slug=copy["slug"],
                title=copy["title"],
                subtitle=copy.get("subtitle"),
                starts_on=dt.date.fromisoformat(copy["start_date"]),
            )
            event.is_published = True
            for name in ("summary", "description"):
                if name in copy:
                    setattr(event, name, copy[name])
            event.save()
            _registration(event, copy)
    from samling.groups.demo import create_demo_discussions

    create_demo_discussions()
    from .announcements import create_demo_announcements

    create_demo_announcements()
    return _accounts()


def _registration(event: Event, data: dict) -> None:
    open_registration(
        event,
        capacity=data["registration"]["capacity"],
        closes_at=_aware(*data["registration"]["closes"], event.timezone),
    )
    for index, option in enumerate(data["options"]):
        option = dict(option)
        title = option.pop("item", None)
        Option.objects.create(
            event=event,
            position=index,
            item=Item.objects.filter(day__event=event, title=title).first(),
            **option,
        )
    categories = list(event.categories.all())
    groups = list(event.options.filter(choice_group__gt="").order_by("pk"))
    members = {m.name: m for m in event.network.members.all()}
    for n in range(data["registrants"]):
        first = c.DEMO_FIRST_NAMES[n % len(c.DEMO_FIRST_NAMES)]
        last = c.DEMO_LAST_NAMES[(n * 7) % len(c.DEMO_LAST_NAMES)]
        municipality = members.get(c.DEMO_MUNICIPALITIES[n % len(c.DEMO_MUNICIPALITIES)])
        register(
            event,
            RegistrationData(
                name=f"{first} {last}",
                email=f"{first}.{last}.{n}@example.org".lower(),
                language=event.language,
                organisation=f"{municipality.name} Kommune" if municipality else "",
                municipality=municipality,
                category=categories[0 if n % 4 == 0 else 1],
                options=[groups[n % len(groups)]] if groups else [],
            ),
        )

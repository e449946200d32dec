"""factory_boy factories for Samling's models."""

import datetime as dt
import zoneinfo

import factory

from samling.events.models import Event, EventContact, Venue
from samling.networks.models import Municipality, Network, Person, TeamMembership, User
from samling.programme.models import Day, Item, SpeakerRole, Track

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
PASSWORD = "secret-password-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.org")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        kwargs.setdefault("password", PASSWORD)
        return model_class.objects.create_user(*args, **kwargs)


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Kommune {n}")
    country = "DK"


class NetworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Network

    slug = factory.Sequence(lambda n: f"network-{n}")
    name = factory.Sequence(lambda n: f"Netværk {n}")
    country = "DK"
    language = "da"
    timezone = "Europe/Copenhagen"


class TeamMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMembership

    network = factory.SubFactory(NetworkFactory)
    user = factory.SubFactory(UserFactory)
    role = TeamMembership.Role.ADMIN


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    title = "Direktør"
    organisation = "Eksempel Kommune"


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    network = factory.SubFactory(NetworkFactory)
    name = factory.Sequence(lambda n: f"Hotel {n}")
    street = "Torvet 1"
    city = "Odense"
    country = "DK"


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    network = factory.SubFactory(NetworkFactory)
    slug = factory.Sequence(lambda n: f"event-{n}")
    title = factory.Sequence(lambda n: f"Netværksmøde {n}")
    language = "da"
    timezone = "Europe/Copenhagen"
    starts_at = dt.datetime(2030, 5, 14, 9, 0, tzinfo=CPH)
    ends_at = dt.datetime(2030, 5, 14, 16, 0, tzinfo=CPH)
    mode = Event.Mode.ONLINE
    is_published = True


class EventContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventContact

    event = factory.SubFactory(EventFactory)
    person = factory.SubFactory(PersonFactory, network=factory.SelfAttribute("..event.network"))
    function = "sekretariat"


class DayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Day

    event = factory.SubFactory(EventFactory)
    date = factory.LazyAttribute(lambda day: day.event.local_start.date())


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Spor {n}")


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Item

    day = factory.SubFactory(DayFactory)
    start_time = dt.time(9, 0)
    end_time = dt.time(9, 45)
    kind = Item.Kind.TALK
    title = factory.Sequence(lambda n: f"Oplæg {n}")


class SpeakerRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpeakerRole

    item = factory.SubFactory(ItemFactory)
    person = factory.SubFactory(
        PersonFactory, network=factory.SelfAttribute("..item.day.event.network")
    )


def open_event(capacity=None, *, waitlist=True, **event_fields):
    """A published event open for registration now, with the default categories."""
    import datetime as dt

    from django.utils import timezone

    from samling.registration.services import open_registration

    start = timezone.now() + dt.timedelta(days=30)
    event = EventFactory(starts_at=start, ends_at=start + dt.timedelta(hours=6), **event_fields)
    open_registration(event, capacity=capacity, waitlist_enabled=waitlist)
    return event


def registration_data(n=0, **fields):
    from samling.registration.services import RegistrationData

    defaults = {"name": f"Deltager {n}", "email": f"deltager{n}@example.org", "language": "da"}
    return RegistrationData(**{**defaults, **fields})


class AnnouncementFactory(factory.django.DjangoModelFactory):
    """A published news post of a network (`published_at=None` for a draft)."""

    class Meta:
        model = "announcements.Announcement"

    network = factory.SubFactory(NetworkFactory)
    title = factory.Sequence(lambda n: f"Nyhed {n}")
    slug = factory.Sequence(lambda n: f"nyhed-{n}")
    lead = "Kort om nyheden."
    body = "Første afsnit.\n\nAndet afsnit med https://www.kl.dk/."
    published_at = factory.LazyFunction(
        lambda: dt.datetime.now(tz=CPH).replace(microsecond=0) - dt.timedelta(days=1)
    )

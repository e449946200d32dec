"""A small event with a group discussion, for the group-discussion tests."""

import itertools

from samling.groups.models import GroupDiscussion
from samling.programme.models import Item
from samling.registration.models import Option
from samling.registration.services import register
from tests.factories import ItemFactory, MunicipalityFactory, open_event, registration_data

CHOICE = "Vælg spor"
_numbers = itertools.count()  # names and addresses differ between events


def discussion_with_people(
    n=14, *, tracks=("innovation", "land"), municipalities=4, min_size=3, max_size=4, **event
):
    """An open event whose `n` registrants chose a track in turn; returns (discussion, regs)."""
    event = open_event(**event)
    item = ItemFactory(day__event=event, kind=Item.Kind.GROUP_WORK, title="Gruppedrøftelse")
    options = [
        Option.objects.create(
            event=event,
            key=key,
            kind=Option.Kind.PROGRAMME,
            label=f"Spor: {key}",
            choice_group=CHOICE,
            position=index,
        )
        for index, key in enumerate(tracks)
    ]
    places = [MunicipalityFactory() for _ in range(municipalities)]
    categories = list(event.categories.all())
    registrations = [
        register(
            event,
            registration_data(
                next(_numbers),
                municipality=places[index % len(places)],
                category=categories[index % 3 % 2],
                options=[options[index % len(options)]] if options else [],
            ),
        )[0]
        for index in range(n)
    ]
    discussion = GroupDiscussion.objects.create(
        event=event, item=item, option_group=CHOICE, min_size=min_size, max_size=max_size
    )
    return discussion, registrations

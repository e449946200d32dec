"""Demo content: the group discussion of KL's upcoming theme session (called by the demo loader)."""

from samling.events.models import Event
from samling.programme.models import Item

from .models import GroupDiscussion

DEMO_DISCUSSIONS = [
    {
        "event": "temasession-innovation-og-udvikling-2027",
        "item": "Gruppedrøftelse med konkrete erfaringer",
        "option_group": "Gruppedrøftelse – vælg spor",
        "min_size": 4,
        "max_size": 6,
    },
]


def create_demo_discussions() -> list[GroupDiscussion]:
    """Create the demo's group discussions once; later calls return the same rows."""
    discussions = []
    for data in DEMO_DISCUSSIONS:
        event = Event.objects.filter(slug=data["event"]).first()
        item = (
            event
            and Item.objects.filter(
                day__event=event, title=data["item"], parent__isnull=True
            ).first()
        )
        if item is None:
            continue
        discussion, _created = GroupDiscussion.objects.get_or_create(
            item=item,
            defaults={
                "event": event,
                "track_source": GroupDiscussion.TrackSource.OPTION_GROUP,
                "option_group": data["option_group"],
                "min_size": data["min_size"],
                "max_size": data["max_size"],
            },
        )
        discussions.append(discussion)
    return discussions

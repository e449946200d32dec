"""Reads of registrations shared by the organiser pages and the exports.

Each function reads with a fixed number of queries, whatever the number of registrants.
Cancelled registrations count nowhere except in the list filtered for them.
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, Q, QuerySet

from samling.events.models import Event
from samling.registration.services import waitlist_size

from .models import Category, Option, Registration, RegistrationOption, RegistrationSettings

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
ACTIVE = (CONFIRMED, WAITLISTED)


def _chosen_options_prefetch() -> Prefetch:
    return Prefetch(
        "chosen_options",
        queryset=RegistrationOption.objects.select_related("option").order_by(
            "option__position", "option_id"
        ),
    )


def registrations_for_organiser(
    event: Event,
    *,
    search: str = "",
    category=None,
    municipality=None,
    option=None,
    status: str | Iterable[str] | None = None,
) -> QuerySet:
    """The event's registrations in the order they came, with what the list page shows.

    `search` looks in name, e-mail address and organisation; `category`, `municipality` and
    `option` take an object or its primary key; `status` one status or several (None: all).
    """
    registrations = (
        Registration.objects.filter(event=event)
        .select_related("category", "municipality")
        .prefetch_related(_chosen_options_prefetch())
        .order_by("created_at", "pk")
    )
    for word in search.split():
        registrations = registrations.filter(
            Q(name__icontains=word) | Q(email__icontains=word) | Q(organisation__icontains=word)
        )
    if category is not None:
        registrations = registrations.filter(category=category)
    if municipality is not None:
        registrations = registrations.filter(municipality=municipality)
    if option is not None:
        registrations = registrations.filter(chosen_options__option=option)
    if isinstance(status, str):
        registrations = registrations.filter(status=status)
    elif status is not None:
        registrations = registrations.filter(status__in=list(status))
    return registrations


def waiting_list(event: Event) -> list[tuple[int, Registration]]:
    """(position, registration) for everyone waiting, first come first served.

    The positions are those of `services.waitlist_position` and of the waiting-list mail.
    """
    registrations = registrations_for_organiser(event, status=WAITLISTED)
    return list(enumerate(registrations, start=1))


@dataclass
class Tally:
    """One line of the counts: a category, a municipality or an option."""

    label: str
    confirmed: int = 0
    waitlisted: int = 0
    capacity: int | None = None
    obj: object = None

    @property
    def available(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed, 0)


@dataclass
class EventCounts:
    confirmed: int
    waitlisted: int
    capacity: int | None
    categories: list[Tally] = field(default_factory=list)
    municipalities: list[Tally] = field(default_factory=list)
    options: list[Tally] = field(default_factory=list)

    @property
    def available(self) -> int | None:
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed, 0)


def _tally_by(registrations: QuerySet, field_name: str) -> dict:
    rows = registrations.values(field_name).annotate(
        confirmed=Count("pk", filter=Q(status=CONFIRMED)),
        waitlisted=Count("pk", filter=Q(status=WAITLISTED)),
    )
    return {row[field_name]: (row["confirmed"], row["waitlisted"]) for row in rows}


def counts_for_event(event: Event) -> EventCounts:
    """Confirmed and waiting per event, category, municipality and option (five queries).

    The event's and options' figures are the counters the database keeps places with, read
    afresh (an event object may hold settings read before the last registration).
    """
    settings = RegistrationSettings.objects.get(event=event)
    active = Registration.objects.filter(event=event, status__in=ACTIVE).order_by()
    counts = EventCounts(
        confirmed=settings.confirmed_count,
        waitlisted=waitlist_size(event),
        capacity=settings.capacity,
    )
    by_category = _tally_by(active, "category")
    for category in Category.objects.filter(event=event):
        confirmed, waitlisted = by_category.pop(category.pk, (0, 0))
        counts.categories.append(Tally(category.name, confirmed, waitlisted, obj=category))
    if None in by_category:
        confirmed, waitlisted = by_category[None]
        counts.categories.append(Tally("", confirmed, waitlisted))
    by_municipality = (
        active.values("municipality", "municipality__name")
        .annotate(
            confirmed=Count("pk", filter=Q(status=CONFIRMED)),
            waitlisted=Count("pk", filter=Q(status=WAITLISTED)),
        )
        .order_by(F("municipality__name").asc(nulls_last=True))
    )
    counts.municipalities = [
        Tally(row["municipality__name"] or "", row["confirmed"], row["waitlisted"])
        for row in by_municipality
    ]
    counts.options = [
        Tally(o.label, o.confirmed_count, o.waitlisted_count, capacity=o.capacity, obj=o)
        for o in Option.objects.filter(event=event)
    ]
    return counts


def _logistics(event: Event, kind: str) -> QuerySet:
    """The options of one kind chosen by confirmed registrants, waiting for a seat or not."""
    return (
        RegistrationOption.objects.filter(
            option__event=event, option__kind=kind, registration__status=CONFIRMED
        )
        .select_related("option", "registration__municipality", "registration__category")
        .order_by("option__position", "option_id")
    )


def bus_list(event: Event) -> QuerySet:
    """Who takes a bus: per bus, those with a seat first, then by name."""
    return _logistics(event, Option.Kind.BUS).order_by(
        "option__position", "option_id", "status", "registration__name", "pk"
    )


def pickup_list(event: Event) -> QuerySet:
    """Who is picked up, by arrival time (those without one last), then by name."""
    return _logistics(event, Option.Kind.PICKUP).order_by(
        F("registration__arrival").asc(nulls_last=True), "registration__name", "pk"
    )


def normalise_need(text: str) -> str:
    """ "  Vegetar. " and "vegetar" are the same need: spaces collapsed, end stop dropped."""
    return " ".join(text.split()).rstrip(".").strip()


@dataclass
class MealCount:
    option: Option
    total: int = 0
    without_needs: int = 0
    # (need, number of people), the commonest first; the first spelling seen is shown.
    needs: list[tuple[str, int]] = field(default_factory=list)


def meal_counts(event: Event) -> list[MealCount]:
    """Per meal: how many confirmed participants eat, and how many with each dietary need.

    Needs written differently only in case, spacing or a final full stop count as one.
    """
    meals = list(Option.objects.filter(event=event, kind=Option.Kind.MEAL))
    rows = RegistrationOption.objects.filter(
        option__in=meals,
        status=RegistrationOption.Status.CONFIRMED,
        registration__status=CONFIRMED,
    ).values_list("option_id", "registration__dietary_needs")
    tallies = {meal.pk: Counter() for meal in meals}
    spelling = {}
    for option_id, needs in rows:
        text = normalise_need(needs)
        key = text.casefold()
        spelling.setdefault(key, text[:1].upper() + text[1:])
        tallies[option_id][key] += 1
    result = []
    for meal in meals:
        tally = tallies[meal.pk]
        without = tally.pop("", 0)
        needs = sorted(tally.items(), key=lambda item: (-item[1], item[0]))
        result.append(
            MealCount(
                option=meal,
                total=without + sum(tally.values()),
                without_needs=without,
                needs=[(spelling[key], number) for key, number in needs],
            )
        )
    return result


def badge_names(event: Event) -> QuerySet:
    """The confirmed participants by name, with what a badge shows."""
    return (
        Registration.objects.filter(event=event, status=CONFIRMED)
        .select_related("municipality", "category")
        .order_by("name", "pk")
    )

"""Reads of registrations shared by the organiser pages and the exports.

Each function reads with a fixed number of queries, whatever the number of registrants.
Cancelled registrations count nowhere except in the list filtered for them.
"""

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncDate

from samling.events.models import Event
from samling.networks.models import Network
from samling.registration.services import waitlist_size

from .models import Category, Option, Registration, RegistrationOption, RegistrationSettings

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
ACTIVE = (CONFIRMED, WAITLISTED)


def published_event_to_register_for(slug: str) -> Event | None:
    """The published event with its network and registration settings (None when it has no
    settings): what `select_related("network", "registration_settings")` reads, in one query.

    Written out because it runs for every registration, and composing the ORM's query costs
    three times what PostgreSQL takes to answer it.
    """
    models = (Event, Network, RegistrationSettings)
    columns = ", ".join(
        f'{alias}."{field.column}"'
        for alias, model in zip("ens", models, strict=True)
        for field in model._meta.concrete_fields
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {Event._meta.db_table} e"
            f" JOIN {Network._meta.db_table} n ON n.id = e.network_id"
            f" LEFT JOIN {RegistrationSettings._meta.db_table} s ON s.event_id = e.id"
            " WHERE e.slug = %s AND e.is_published",
            [slug],
        )
        row = cursor.fetchone()
    if row is None:
        return None
    instances = []
    for model in models:
        fields, converters = _loading(model)
        values, row = row[: len(fields)], row[len(fields) :]
        if values[0] is None:  # no settings row
            instances.append(None)
            continue
        values = list(values)
        for index, column, field_converters in converters:
            if values[index] is not None:
                for converter in field_converters:
                    values[index] = converter(values[index], column, connection)
        instances.append(model.from_db(connection.alias, [f.attname for f in fields], values))
    event, network, registration_settings = instances
    Event._meta.get_field("network").set_cached_value(event, network)
    Event._meta.get_field("registration_settings").set_cached_value(event, registration_settings)
    if registration_settings is not None:
        RegistrationSettings._meta.get_field("event").set_cached_value(registration_settings, event)
    return event


_loaders: dict = {}


def _loading(model) -> tuple[list, list]:
    """The model's columns and, for those that need them, the converters the ORM applies (a
    datetime from SQLite's text, a dict from JSON): found once per process and database."""
    key = (connection.vendor, model)
    if key not in _loaders:
        fields = list(model._meta.concrete_fields)
        converters = []
        for index, field in enumerate(fields):
            column = field.get_col(model._meta.db_table)
            found = connection.ops.get_db_converters(column) + column.get_db_converters(connection)
            if found:
                converters.append((index, column, found))
        _loaders[key] = (fields, converters)
    return _loaders[key]


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


@dataclass
class DayCount:
    """One day of registrations: how many came that day and how many there were by then."""

    date: object
    count: int
    total: int


def registrations_per_day(event: Event) -> list[DayCount]:
    """Confirmed and waiting registrations per day in the event's time zone (one query).

    Days without a registration between the first and the last are included with 0, so the
    list draws a time line; today's cancellations are left out like all cancelled ones.
    """
    rows = (
        Registration.objects.filter(event=event, status__in=ACTIVE)
        .annotate(day=TruncDate("created_at", tzinfo=event.tz))
        .values("day")
        .annotate(count=Count("pk"))
        .order_by("day")
    )
    by_day = {row["day"]: row["count"] for row in rows}
    if not by_day:
        return []
    days, total = [], 0
    day, last = min(by_day), max(by_day)
    while day <= last:
        total += by_day.get(day, 0)
        days.append(DayCount(day, by_day.get(day, 0), total))
        day += dt.timedelta(days=1)
    return days


@dataclass
class Chart:
    """A cumulative line of registrations, as points in an SVG's 0..width × 0..height box."""

    days: list[DayCount]
    width: int = 320
    height: int = 120
    margin: int = 8

    @property
    def baseline(self) -> int:
        return self.height - self.margin

    @property
    def right(self) -> int:
        return self.width - self.margin

    @property
    def total(self) -> int:
        return self.days[-1].total if self.days else 0

    @property
    def points(self) -> str:
        if not self.days:
            return ""
        inner_w = self.width - 2 * self.margin
        inner_h = self.height - 2 * self.margin
        steps = max(len(self.days) - 1, 1)
        top = max(self.total, 1)
        coords = [
            (
                self.margin + inner_w * index / steps,
                self.height - self.margin - inner_h * day.total / top,
            )
            for index, day in enumerate(self.days)
        ]
        if len(coords) == 1:  # one day: a ramp from nothing to the day's total
            coords = [(self.margin, self.baseline), (self.right, coords[0][1])]
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)

    @property
    def area(self) -> str:
        """The points closed down to the base line, for a filled area under the line."""
        if not self.days:
            return ""
        points = self.points.split()
        first_x = points[0].split(",")[0]
        last_x = points[-1].split(",")[0]
        base = self.height - self.margin
        return " ".join([f"{first_x},{base}", *points, f"{last_x},{base}"])

    @property
    def busiest(self) -> DayCount | None:
        return max(self.days, key=lambda day: day.count, default=None)


def top_municipalities(tallies: list[Tally], limit: int = 10) -> tuple[list[Tally], Tally | None]:
    """The `limit` municipalities with most registrants, and the rest added up (or None)."""
    ranked = sorted(tallies, key=lambda t: (-(t.confirmed + t.waitlisted), t.label == "", t.label))
    top, rest = ranked[:limit], ranked[limit:]
    if not rest:
        return top, None
    others = Tally(
        "",
        confirmed=sum(t.confirmed for t in rest),
        waitlisted=sum(t.waitlisted for t in rest),
        obj=len(rest),
    )
    return top, others


@dataclass
class DashboardFigures:
    counts: EventCounts
    chart: Chart
    municipalities: list[Tally]
    other_municipalities: Tally | None
    latest: list[Registration]


def latest_registrations(event: Event, limit: int = 5) -> list[Registration]:
    """The most recent registrations, cancelled ones included (their status shows it)."""
    return list(
        Registration.objects.filter(event=event)
        .select_related("category", "municipality")
        .order_by("-created_at", "-pk")[:limit]
    )


def dashboard_figures(event: Event) -> DashboardFigures:
    """What the organiser's event page shows of registration, in a fixed number of queries."""
    counts = counts_for_event(event)
    municipalities, others = top_municipalities(counts.municipalities)
    return DashboardFigures(
        counts=counts,
        chart=Chart(registrations_per_day(event)),
        municipalities=municipalities,
        other_municipalities=others,
        latest=latest_registrations(event),
    )


def with_registration_figures(events: QuerySet) -> QuerySet:
    """Events annotated with `reg_capacity`, `reg_confirmed` and `reg_waitlisted` (no extra query).

    `reg_confirmed` is None for an event without registration.
    """
    waiting = (
        Registration.objects.filter(event=OuterRef("pk"), status=WAITLISTED)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return events.annotate(
        reg_capacity=F("registration_settings__capacity"),
        reg_confirmed=F("registration_settings__confirmed_count"),
        reg_waitlisted=Coalesce(Subquery(waiting, output_field=IntegerField()), 0),
    )

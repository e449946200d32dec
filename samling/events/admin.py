import zoneinfo

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from samling.networks.admin import NetworkScopedAdmin, NetworkScopedInline
from samling.networks.permissions import manageable_events
from samling.programme.models import Day, Track

from .models import Attachment, Event, EventChange, EventContact, OnlineMeeting, Series, Venue


@admin.register(Venue)
class VenueAdmin(NetworkScopedAdmin):
    list_display = ["name", "city", "network"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "city", "street"]


@admin.register(Series)
class SeriesAdmin(NetworkScopedAdmin):
    list_display = ["title", "network", "planned_count"]
    prepopulated_fields = {"slug": ["title"]}
    search_fields = ["title"]


class DayInline(NetworkScopedInline, admin.TabularInline):
    model = Day
    extra = 0
    fields = ["date", "label", "intro", "edit_items"]
    readonly_fields = ["edit_items"]
    show_change_link = True

    @admin.display(description=_("programme items"))
    def edit_items(self, day):
        if not day.pk:
            return "–"
        url = reverse("admin:programme_day_change", args=[day.pk])
        return format_html('<a href="{}">{}</a>', url, _("Edit the items of this day"))


class TrackInline(NetworkScopedInline, admin.TabularInline):
    model = Track
    extra = 0


class OnlineMeetingInline(NetworkScopedInline, admin.StackedInline):
    model = OnlineMeeting
    extra = 0
    max_num = 1


class EventContactInline(NetworkScopedInline, admin.TabularInline):
    model = EventContact
    extra = 0
    autocomplete_fields = ["person", "venue"]


class AttachmentInline(NetworkScopedInline, admin.TabularInline):
    model = Attachment
    extra = 0


class EventChangeInline(NetworkScopedInline, admin.TabularInline):
    model = EventChange
    extra = 0
    readonly_fields = ["changed_by"]
    fields = [
        "kind",
        "previous_starts_at",
        "new_starts_at",
        "note",
        "is_public",
        "changed_at",
        "changed_by",
    ]


@admin.register(Event)
class EventAdmin(NetworkScopedAdmin):
    list_display = ["title", "network", "starts_at", "mode", "status", "is_published"]
    list_filter = [
        ("network", admin.RelatedOnlyFieldListFilter),
        "status",
        "mode",
        "is_published",
        "language",
    ]
    search_fields = ["title", "slug", "summary"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["venue", "series", "related_events"]
    date_hierarchy = "starts_at"
    list_select_related = ["network"]
    inlines = [
        OnlineMeetingInline,
        DayInline,
        TrackInline,
        EventContactInline,
        AttachmentInline,
        EventChangeInline,
    ]
    fieldsets = [
        (None, {"fields": ["network", "title", "subtitle", "slug", "language", "is_published"]}),
        (_("When"), {"fields": ["starts_at", "ends_at", "timezone", "status", "status_note"]}),
        (_("Where"), {"fields": ["mode", "venue"]}),
        (
            _("Content"),
            {"fields": ["summary", "highlights", "description", "audience", "announced_on"]},
        ),
        (
            _("Registration and links"),
            {
                "fields": [
                    "registration_url",
                    "registration_note",
                    "series",
                    "series_position",
                    "related_events",
                ]
            },
        ),
    ]

    def scope_queryset(self, request, queryset):
        return queryset.filter(pk__in=manageable_events(request.user).values("pk"))

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        # Times are entered and shown in the event's own time zone, not the server's.
        tz_name = request.POST.get("timezone")
        if not tz_name and object_id:
            tz_name = Event.objects.filter(pk=object_id).values_list("timezone", flat=True).first()
        try:
            tz = zoneinfo.ZoneInfo(tz_name) if tz_name else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            tz = None
        if tz is None:
            return super().changeform_view(request, object_id, form_url, extra_context)
        with timezone.override(tz):
            return super().changeform_view(request, object_id, form_url, extra_context)

from django.contrib import admin

from samling.networks.admin import NetworkScopedAdmin, NetworkScopedInline
from samling.networks.permissions import manageable_events

from .models import Day, Item, SpeakerRole


class ItemInline(NetworkScopedInline, admin.TabularInline):
    model = Item
    extra = 1
    fields = [
        "position",
        "start_time",
        "end_time",
        "approximate",
        "kind",
        "title",
        "track",
        "parent",
        "location",
        "notes",
    ]
    show_change_link = True

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if obj is not None:
            # Only this event's tracks and this day's items are sensible choices.
            formset.form.base_fields["track"].queryset = obj.event.tracks.all()
            formset.form.base_fields["parent"].queryset = obj.items.filter(parent=None)
        return formset


@admin.register(Day)
class DayAdmin(NetworkScopedAdmin):
    def scope_queryset(self, request, queryset):
        return queryset.filter(event__in=manageable_events(request.user))

    list_display = ["__str__", "event"]
    list_filter = [("event__network", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["event"]
    inlines = [ItemInline]


class SpeakerRoleInline(NetworkScopedInline, admin.TabularInline):
    model = SpeakerRole
    extra = 1
    autocomplete_fields = ["person"]


@admin.register(Item)
class ItemAdmin(NetworkScopedAdmin):
    def scope_queryset(self, request, queryset):
        return queryset.filter(day__event__in=manageable_events(request.user))

    list_display = ["title", "day", "start_time", "end_time", "kind"]
    list_filter = ["kind", ("day__event", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title"]
    list_select_related = ["day", "day__event"]
    inlines = [SpeakerRoleInline]
    raw_id_fields = ["parent"]

from django.contrib import admin

from .models import Day, Item, SpeakerRole


class ItemInline(admin.TabularInline):
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
class DayAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event"]
    list_filter = ["event__network"]
    list_select_related = ["event"]
    inlines = [ItemInline]


class SpeakerRoleInline(admin.TabularInline):
    model = SpeakerRole
    extra = 1
    autocomplete_fields = ["person"]


@admin.register(Item)
class ItemAdmin(admin.ModelAdmin):
    list_display = ["title", "day", "start_time", "end_time", "kind"]
    list_filter = ["kind", "day__event"]
    search_fields = ["title"]
    list_select_related = ["day", "day__event"]
    inlines = [SpeakerRoleInline]
    raw_id_fields = ["parent"]

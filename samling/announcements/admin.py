from django.contrib import admin

from samling.networks.admin import NetworkScopedAdmin, NetworkScopedInline

from .forms import AnnouncementAdminForm
from .models import Announcement, AnnouncementAttachment
from .services import delete_announcement, linked_events_changed


class AnnouncementAttachmentInline(NetworkScopedInline, admin.TabularInline):
    model = AnnouncementAttachment
    extra = 0
    fields = ["title", "file", "position"]


@admin.register(Announcement)
class AnnouncementAdmin(NetworkScopedAdmin):
    form = AnnouncementAdminForm
    list_display = ["title", "network", "published_at", "updated_at"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["title", "slug", "lead", "body"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["events"]
    date_hierarchy = "published_at"
    list_select_related = ["network"]
    readonly_fields = ["created_by", "created_at", "updated_at"]
    fields = [
        "network",
        "title",
        "slug",
        "published_at",
        "lead",
        "body",
        "events",
        "created_by",
        "created_at",
        "updated_at",
    ]
    inlines = [AnnouncementAttachmentInline]

    def save_model(self, request, obj, form, change):
        if not change and obj.created_by_id is None:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        # Events linked or unlinked here are marked changed, as services.save_announcement does.
        previous = list(form.instance.events.values_list("pk", flat=True)) if change else []
        super().save_related(request, form, formsets, change)
        linked_events_changed(form.instance, previous)

    def delete_model(self, request, obj):
        delete_announcement(obj)

    def delete_queryset(self, request, queryset):
        for announcement in queryset:
            delete_announcement(announcement)

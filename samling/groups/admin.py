from django.contrib import admin

from samling.networks.admin import NetworkScopedAdmin, NetworkScopedInline
from samling.networks.permissions import manageable_events

from .models import DiscussionGroup, GroupDiscussion


class DiscussionGroupInline(NetworkScopedInline, admin.TabularInline):
    model = DiscussionGroup
    extra = 0
    fields = [
        "name",
        "track",
        "room",
        "online_link",
        "staff_facilitator",
        "case_presenter",
        "locked",
    ]


@admin.register(GroupDiscussion)
class GroupDiscussionAdmin(NetworkScopedAdmin):
    network_path = "event__network"

    def scope_queryset(self, request, queryset):
        return queryset.filter(event__in=manageable_events(request.user))

    list_display = ["item", "event", "track_source", "min_size", "max_size", "is_shared"]
    list_filter = [("event__network", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["item", "event"]
    raw_id_fields = ["item", "facilitators"]
    readonly_fields = ["stats", "warnings", "allocated_at"]
    inlines = [DiscussionGroupInline]

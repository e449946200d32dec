"""The audit log in the admin: read only, each network's administrators see their own."""

from django.contrib import admin

from samling.networks.admin import NetworkScopedAdmin
from samling.networks.permissions import networks_administered

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(NetworkScopedAdmin):
    list_display = ("created_at", "actor_label", "action", "event", "target")
    list_filter = ("action",)
    search_fields = ("target", "actor_label")
    list_select_related = ("event",)
    date_hierarchy = "created_at"
    readonly_fields = [
        "network",
        "event",
        "actor",
        "actor_label",
        "action",
        "target",
        "changes",
        "created_at",
    ]

    def scope_queryset(self, request, queryset):
        return queryset.filter(network__in=networks_administered(request.user))

    def _is_administrator(self, request) -> bool:
        return request.user.is_active and networks_administered(request.user).exists()

    def has_module_permission(self, request):
        return self._is_administrator(request)

    def has_view_permission(self, request, obj=None):
        return self._is_administrator(request)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

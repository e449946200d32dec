from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Municipality, Network, Person, TeamMembership, User
from .permissions import manageable_events, networks_administered, organising_networks


def scope_choices(db_field, request, kwargs) -> None:
    """Offer (and accept) only choices of the user's own networks in a relation field."""
    if request.user.is_superuser:
        return
    related = db_field.related_model
    fields = {field.name for field in related._meta.fields}
    networks = organising_networks(request.user)
    if related is Network:
        queryset = networks
    elif related is User:
        queryset = User.objects.filter(team_memberships__network__in=networks).distinct()
    elif "network" in fields:
        queryset = related._default_manager.filter(network__in=networks)
    elif "event" in fields:
        queryset = related._default_manager.filter(event__in=manageable_events(request.user))
    elif "day" in fields:
        queryset = related._default_manager.filter(day__event__in=manageable_events(request.user))
    else:
        return
    kwargs["queryset"] = queryset


class NetworkScopedAdmin(admin.ModelAdmin):
    """Admin pages for organisers: only rows of the networks (or events) they work for.

    `network_path` leads from the model to its Network; `scope_queryset` may narrow further.
    Superusers see everything.
    """

    network_path = "network"

    def scope_queryset(self, request, queryset):
        networks = organising_networks(request.user)
        return queryset.filter(**{f"{self.network_path}__in": networks}).distinct()

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return self.scope_queryset(request, queryset)

    def _is_organiser(self, request) -> bool:
        return request.user.is_active and (
            request.user.is_superuser or organising_networks(request.user).exists()
        )

    def has_module_permission(self, request):
        return self._is_organiser(request)

    def has_view_permission(self, request, obj=None):
        return self._is_organiser(request)

    def has_add_permission(self, request, obj=None):
        return self._is_organiser(request)

    def has_change_permission(self, request, obj=None):
        return self._is_organiser(request)

    def has_delete_permission(self, request, obj=None):
        return self._is_organiser(request)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scope_choices(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        scope_choices(db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


class NetworkScopedInline:
    """Inlines offer the same narrowed choices as the admin pages."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scope_choices(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class TeamMembershipInline(admin.TabularInline):
    model = TeamMembership
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Network)
class NetworkAdmin(NetworkScopedAdmin):
    network_path = "pk"
    list_display = ["name", "slug", "country", "language"]
    search_fields = ["name", "short_name", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["members"]
    inlines = [TeamMembershipInline]

    def has_add_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return self._is_organiser(request)
        return networks_administered(request.user).filter(pk=obj.pk).exists()


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["name", "country", "code"]
    list_filter = ["country"]
    search_fields = ["name", "code"]


@admin.register(Person)
class PersonAdmin(NetworkScopedAdmin):
    list_display = ["name", "title", "organisation", "network", "email", "phone"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "organisation", "email"]
    autocomplete_fields = ["municipality"]
    list_select_related = ["network"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name"]}),
        (
            _("Permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]

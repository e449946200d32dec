"""Organiser pages for a network's news posts: the list, writing, editing and deleting.

Network administrators and event organisers of the network (`organising_networks`) reach
these pages; anyone else gets a 404. Every change goes through `announcements.services`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samling.announcements.forms import AnnouncementForm
from samling.announcements.models import Announcement
from samling.announcements.queries import announcements_for_organiser
from samling.announcements.services import delete_announcement, save_announcement
from samling.networks.permissions import organising_networks


def _network(request, slug):
    return get_object_or_404(organising_networks(request.user), slug=slug)


def _announcement(network, pk) -> Announcement:
    return get_object_or_404(
        Announcement.objects.for_network(network).select_related("network"), pk=pk
    )


@login_required
def list_view(request, network):
    network = _network(request, network)
    return render(
        request,
        "orga/announcements/list.html",
        {
            "title": _("News"),
            "network": network,
            "announcements": announcements_for_organiser(network),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def create_view(request, network):
    network = _network(request, network)
    return _edit(request, network, Announcement(network=network))


@login_required
@require_http_methods(["GET", "POST"])
def edit_view(request, network, pk):
    network = _network(request, network)
    return _edit(request, network, _announcement(network, pk))


def _edit(request, network, announcement):
    is_new = announcement.pk is None
    form = AnnouncementForm(
        request.POST or None,
        request.FILES or None,
        instance=announcement,
        network=network,
        publish=request.POST.get("action") != "draft",
    )
    if request.method == "POST" and form.is_valid():
        announcement = save_announcement(
            form.instance,
            events=form.cleaned_data["events"],
            created_by=request.user if is_new else None,
            new_attachments=form.new_attachments,
            removed_attachments=form.removed_attachments,
            saved_by=request.user,
        )
        if announcement.published_at is None:
            text = _("“%(title)s” is saved as a draft.")
        elif announcement.is_scheduled():
            text = _("“%(title)s” is saved and will be published on the date given.")
        else:
            text = _("“%(title)s” is published.")
        messages.success(request, text % {"title": announcement.title})
        return redirect("orga:announcement-list", network=network.slug)
    title = _("Write a news post") if is_new else _("Edit the news post")
    return render(
        request,
        "orga/announcements/edit.html",
        {"title": title, "network": network, "announcement": announcement, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def delete_view(request, network, pk):
    network = _network(request, network)
    announcement = _announcement(network, pk)
    if request.method == "POST":
        delete_announcement(announcement, deleted_by=request.user)
        messages.success(request, _("“%(title)s” is deleted.") % {"title": announcement.title})
        return redirect("orga:announcement-list", network=network.slug)
    return render(
        request,
        "orga/announcements/delete.html",
        {"title": _("Delete the news post"), "network": network, "announcement": announcement},
    )

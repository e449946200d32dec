"""The programme editor: an event's days and items, added, changed, copied, moved and deleted
by hand. Changed times and cancellations go to the registrants through the change flow."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samling.networks.permissions import manageable_events
from samling.notifications.services import pending_changes
from samling.programme import editing
from samling.programme.forms import DayForm, ItemForm, speaker_formset
from samling.programme.models import Day, Item
from samling.programme.queries import programme_for_event
from samling.registration.models import Option


def _event(request, slug):
    return get_object_or_404(manageable_events(request.user).select_related("network"), slug=slug)


def _item(event, pk):
    return get_object_or_404(
        Item.objects.select_related("day__event", "track", "parent"), pk=pk, day__event=event
    )


def _to_list(event, item=None):
    url = reverse("orga:programme", kwargs={"slug": event.slug})
    return HttpResponseRedirect(f"{url}#item-{item.pk}" if item else url)


@login_required
def programme(request, slug):
    event = _event(request, slug)
    return render(
        request,
        "orga/programme/list.html",
        {
            "event": event,
            "programme": programme_for_event(event),
            "day_form": DayForm(),
            "pending_changes": pending_changes(event).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_add(request, slug):
    event = _event(request, slug)
    initial = {}
    day_id = request.GET.get("day", "")
    if day_id.isdigit():
        day = Day.objects.filter(event=event, pk=day_id).first()
        if day:
            initial["day"] = day
    form = ItemForm(request.POST or None, instance=Item(), event=event, initial=initial)
    speakers = speaker_formset(request.POST or None, item=None, network=event.network)
    if request.method == "POST":
        valid = form.is_valid()
        valid = speakers.is_valid() and valid
        if valid:
            values = form.values()
            day = values.pop("day")
            try:
                item = editing.add_item(
                    day, changed_by=request.user, speakers=speakers.roles(), **values
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("The item was added."))
                return _to_list(event, item)
    return render(
        request,
        "orga/programme/item.html",
        {"event": event, "form": form, "speakers": speakers, "item": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, slug, pk):
    event = _event(request, slug)
    item = _item(event, pk)
    form = ItemForm(request.POST or None, instance=item, event=event)
    speakers = speaker_formset(request.POST or None, item=item, network=event.network)
    if request.method == "POST":
        valid = form.is_valid()
        valid = speakers.is_valid() and valid
        if valid:
            # The form has written its values onto `item`: the service compares with the saved one.
            saved = _item(event, pk)
            try:
                editing.edit_item(
                    saved, changed_by=request.user, speakers=speakers.roles(), **form.values()
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                if pending_changes(event).exists():
                    return redirect("orga:event-notify", slug=event.slug)
                messages.success(request, _("Saved."))
                return _to_list(event, saved)
    return render(
        request,
        "orga/programme/item.html",
        {"event": event, "form": form, "speakers": speakers, "item": item},
    )


@login_required
@require_POST
def item_duplicate(request, slug, pk):
    event = _event(request, slug)
    copy = editing.duplicate_item(_item(event, pk), changed_by=request.user)
    messages.success(request, _("A copy of “%(title)s” was added.") % {"title": copy.title})
    return _to_list(event, copy)


@login_required
@require_POST
def item_move(request, slug, pk):
    event = _event(request, slug)
    item = _item(event, pk)
    direction = request.POST.get("direction")
    if direction in ("up", "down"):
        editing.move_item(item, direction=direction, changed_by=request.user)
    return _to_list(event, item)


@login_required
@require_http_methods(["GET", "POST"])
def item_delete(request, slug, pk):
    event = _event(request, slug)
    item = _item(event, pk)
    if request.method == "POST":
        editing.delete_item(item, changed_by=request.user)
        messages.success(request, _("“%(title)s” was deleted.") % {"title": item.title})
        return _to_list(event)
    sessions = list(item.sessions.order_by("position", "pk"))
    options = list(Option.objects.filter(Q(item=item) | Q(item__parent=item)).order_by("label"))
    return render(
        request,
        "orga/programme/item_delete.html",
        {"event": event, "item": item, "sessions": sessions, "options": options},
    )


@login_required
@require_http_methods(["GET", "POST"])
def day_add(request, slug):
    event = _event(request, slug)
    form = DayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            editing.add_day(
                event,
                date=form.cleaned_data["date"],
                label=form.cleaned_data["label"],
                changed_by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The day was added."))
            return _to_list(event)
    return render(request, "orga/programme/day_add.html", {"event": event, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def day_delete(request, slug, pk):
    event = _event(request, slug)
    day = get_object_or_404(Day, event=event, pk=pk)
    count = day.items.count()
    if request.method == "POST":
        try:
            editing.delete_day(day, changed_by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The day was deleted."))
        return _to_list(event)
    return render(
        request, "orga/programme/day_delete.html", {"event": event, "day": day, "count": count}
    )

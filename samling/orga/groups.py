"""Organiser pages for group discussions: create one, allocate, adjust, lock, print and export.

The board works without JavaScript: one form holds a select per person (the group they are in);
"Save the moves" or a lock button sends them all. `static/samling/groups.js` adds drag and drop.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_GET

from samling.exports.responses import EXPORTS, file_response
from samling.groups import exports
from samling.groups.allocator import AllocationError
from samling.groups.models import DiscussionGroup, GroupDiscussion
from samling.groups.queries import (
    discussion_board,
    discussion_items,
    discussions_for_event,
    option_groups,
    warning_messages,
)
from samling.groups.services import (
    move_member,
    run_allocation,
    send_group_messages,
    set_locked,
    set_shared,
)
from samling.networks.permissions import manageable_events
from samling.programme.models import Item
from samling.registration.models import Registration

EXPORT_FORMATS = {"csv": exports.groups_csv, "xlsx": exports.groups_xlsx, "pdf": exports.groups_pdf}
NO_GROUP = "none"


def _event(request, slug):
    return get_object_or_404(manageable_events(request.user).select_related("network"), slug=slug)


def _discussion(event, pk):
    return get_object_or_404(
        GroupDiscussion.objects.select_related("item__day", "event"), event=event, pk=pk
    )


# Forms ------------------------------------------------------------------------------------------


class DiscussionForm(forms.ModelForm):
    option_group = forms.ChoiceField(
        label=gettext_lazy("Registration choice"),
        required=False,
        help_text=gettext_lazy("Each option of this choice is a track."),
    )

    class Meta:
        model = GroupDiscussion
        fields = ["item", "track_source", "option_group", "min_size", "max_size", "rooms"]
        widgets = {
            "track_source": forms.RadioSelect,
            "rooms": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, event, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.instance.event = event
        groups = option_groups(event)
        self.fields["option_group"].choices = [("", "—")] + [(g, g) for g in groups]
        if "item" in self.fields:
            items = discussion_items(event)
            taken = set(
                GroupDiscussion.objects.filter(event=event).values_list("item_id", flat=True)
            )
            items = [i for i in items if i.pk not in taken]
            self.fields["item"].queryset = Item.objects.filter(pk__in=[i.pk for i in items])
            self.fields["item"].choices = [("", "—")] + [(i.pk, _item_label(i)) for i in items]
            if not self.is_bound and items:
                self.initial.setdefault("item", items[0].pk)
        if not self.is_bound and not self.instance.pk:
            source = GroupDiscussion.TrackSource
            self.initial.setdefault(
                "track_source", source.OPTION_GROUP if groups else source.SINGLE
            )
            if groups:
                self.initial.setdefault("option_group", groups[0])
        if "facilitators" in self.fields:
            self.fields["facilitators"].queryset = Registration.objects.filter(
                event=event, status=Registration.Status.CONFIRMED
            ).order_by("name")
            self.fields["facilitators"].label_from_instance = _registration_label

    def clean(self):
        data = super().clean()
        if data.get("track_source") != GroupDiscussion.TrackSource.OPTION_GROUP:
            data["option_group"] = ""
            self.instance.option_group = ""
        return data


class DiscussionSettingsForm(DiscussionForm):
    class Meta(DiscussionForm.Meta):
        fields = [
            "track_source",
            "option_group",
            "min_size",
            "max_size",
            "rooms",
            "facilitators",
            "seed",
        ]
        widgets = {
            **DiscussionForm.Meta.widgets,
            "facilitators": forms.CheckboxSelectMultiple,
        }


class GroupForm(forms.ModelForm):
    class Meta:
        model = DiscussionGroup
        fields = ["room", "online_link", "facilitator", "staff_facilitator", "case_presenter"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        field = self.fields["facilitator"]
        field.queryset = Registration.objects.filter(
            group_memberships__group=self.instance
        ).order_by("name")
        field.help_text = _("One of the group's members.")
        field.label_from_instance = _registration_label


def _item_label(item) -> str:
    if item.parent_id:
        return f"{item.parent.title} › {item.title}"
    return item.title


def _registration_label(registration) -> str:
    return (
        f"{registration.name}, {registration.organisation}"
        if registration.organisation
        else registration.name
    )


# Views ------------------------------------------------------------------------------------------


@login_required
def discussion_list(request, slug):
    event = _event(request, slug)
    if request.method == "POST":
        form = DiscussionForm(request.POST, event=event)
        if form.is_valid():
            discussion = form.save()
            messages.success(request, _("The group discussion was created."))
            return redirect("orga:group-discussion", slug=event.slug, pk=discussion.pk)
    else:
        form = DiscussionForm(event=event)
    return render(
        request,
        "orga/groups/list.html",
        {
            "event": event,
            "discussions": discussions_for_event(event),
            "form": form,
            "title": _("Group discussions"),
        },
    )


@login_required
def discussion_detail(request, slug, pk):
    event = _event(request, slug)
    discussion = _discussion(event, pk)
    if request.method == "POST":
        return _act(request, event, discussion)
    board = discussion_board(discussion)
    labels = {t.track.key: t.track.label for t in board.tracks}
    return render(
        request,
        "orga/groups/discussion.html",
        {
            "event": event,
            "discussion": discussion,
            "board": board,
            "warnings": warning_messages(discussion, labels),
            "title": discussion.item.title,
            "no_group": NO_GROUP,
        },
    )


def _act(request, event, discussion):
    action = request.POST.get("action")
    if action in {"allocate", "reshuffle"}:
        seed = discussion.seed + 1 if action == "reshuffle" else None
        try:
            result = run_allocation(discussion, seed=seed)
        except AllocationError as error:
            messages.error(
                request, _("The groups could not be made (%(reason)s).") % {"reason": error}
            )
        else:
            placed = sum(len(group["members"]) for group in result["groups"])
            messages.success(
                request,
                ngettext(
                    "%(people)d participant was placed in %(groups)d groups.",
                    "%(people)d participants were placed in %(groups)d groups.",
                    placed,
                )
                % {"people": placed, "groups": len(result["groups"])},
            )
    elif action == "send":
        sent = send_group_messages(discussion)
        messages.success(
            request,
            ngettext(
                "%(count)d participant was sent their group by e-mail.",
                "%(count)d participants were sent their group by e-mail.",
                sent,
            )
            % {"count": sent},
        )
    elif action in {"share", "unshare"}:
        set_shared(discussion, action == "share")
        messages.success(
            request,
            _("Participants now see their group on their registration page.")
            if action == "share"
            else _("Participants no longer see their group."),
        )
    else:
        moved = _apply_moves(request, discussion)
        if moved:
            messages.success(
                request,
                ngettext("%(count)d person was moved.", "%(count)d people were moved.", moved)
                % {"count": moved},
            )
        for key, locked in (("lock", True), ("unlock", False)):
            if request.POST.get(key):
                group = get_object_or_404(
                    DiscussionGroup, discussion=discussion, pk=request.POST[key]
                )
                set_locked(group, locked)
                messages.success(
                    request,
                    (_("%(group)s is locked.") if locked else _("%(group)s is unlocked."))
                    % {"group": group.name},
                )
    return redirect("orga:group-discussion", slug=event.slug, pk=discussion.pk)


def _apply_moves(request, discussion) -> int:
    """Apply each `member-<registration>` select whose group differs from the stored one."""
    board = discussion_board(discussion)
    groups = {str(entry.group.pk): entry.group for entry in board.groups}
    people = [p for entry in board.groups for p in entry.people] + board.unplaced
    moved = 0
    for person in people:
        value = request.POST.get(f"member-{person.pk}")
        if value is None:
            continue
        current = str(person.group_id) if person.group_id else NO_GROUP
        if value == current or (value != NO_GROUP and value not in groups):
            continue
        try:
            move_member(discussion, person.registration, groups.get(value))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            moved += 1
    return moved


@login_required
def discussion_settings(request, slug, pk):
    event = _event(request, slug)
    discussion = _discussion(event, pk)
    form = DiscussionSettingsForm(
        request.POST if request.method == "POST" else None, instance=discussion, event=event
    )
    if form.is_valid():
        form.save()
        messages.success(request, _("The settings were saved. Allocate again to use them."))
        return redirect("orga:group-discussion", slug=event.slug, pk=discussion.pk)
    return render(
        request,
        "orga/groups/settings.html",
        {"event": event, "discussion": discussion, "form": form, "title": _("Settings")},
    )


@login_required
def group_edit(request, slug, pk, group):
    event = _event(request, slug)
    discussion = _discussion(event, pk)
    group = get_object_or_404(DiscussionGroup, discussion=discussion, pk=group)
    form = GroupForm(request.POST if request.method == "POST" else None, instance=group)
    if form.is_valid():
        form.save()
        messages.success(request, _("%(group)s was saved.") % {"group": group.name})
        return redirect("orga:group-discussion", slug=event.slug, pk=discussion.pk)
    return render(
        request,
        "orga/groups/group.html",
        {
            "event": event,
            "discussion": discussion,
            "group": group,
            "form": form,
            "title": group.name,
        },
    )


@login_required
@require_GET
def export(request, slug, pk, format):
    if format not in EXPORT_FORMATS:
        raise Http404
    event = _event(request, slug)
    discussion = _discussion(event, pk)
    content = EXPORT_FORMATS[format](discussion_board(discussion))
    kind = EXPORTS[f"groups-{format}"]
    response = file_response(
        content,
        filename=kind.filename.format(slug=f"{event.slug}-{discussion.pk}"),
        content_type=kind.content_type,
        inline=kind.inline,
    )
    # Names and e-mail addresses: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response

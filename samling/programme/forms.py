"""Forms of the organiser's programme editor: an item, its people, a new day."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from samling.core.timefmt import clock, day_heading, long_date
from samling.networks.models import Person

from .editing import ITEM_FIELDS
from .models import Day, Item, SpeakerRole


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class ItemForm(forms.ModelForm):
    class Meta:
        model = Item
        fields = ITEM_FIELDS
        widgets = {
            "start_time": TimeInput,
            "end_time": TimeInput,
            "description": forms.Textarea(attrs={"rows": 4}),
            "agenda": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["day"].queryset = Day.objects.filter(event=event).order_by("date")
        self.fields["day"].label_from_instance = lambda day: (
            f"{day_heading(day.date)} {day.label}".strip()
        )
        self.fields["day"].empty_label = None
        self.fields["track"].queryset = event.tracks.order_by("position", "pk")
        self.fields["track"].empty_label = _("No track")
        parents = (
            Item.objects.filter(day__event=event, parent__isnull=True)
            .select_related("day")
            .order_by("day__date", "position", "start_time", "pk")
        )
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        self.fields["parent"].queryset = parents
        self.fields["parent"].label_from_instance = self._parent_label
        self.fields["parent"].empty_label = _("Not part of another item")
        self.fields["parent"].help_text = _(
            "For parallel sessions: the item of the same day that they split."
        )
        self.fields["kind"].choices = [
            (value, capfirst(label)) for value, label in Item.Kind.choices
        ]
        if not self.instance.pk:
            del self.fields["is_cancelled"]

    @staticmethod
    def _parent_label(item: Item) -> str:
        when = " ".join(filter(None, [long_date(item.day.date), clock(item.start_time)]))
        return f"{when}: {item.title}"

    def clean_parent(self):
        parent = self.cleaned_data.get("parent")
        if parent and self.instance.pk and self.instance.sessions.exists():
            raise ValidationError(
                _("This item has parallel sessions of its own, so it cannot be part of another.")
            )
        return parent

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields if name in self.fields}


class SpeakerForm(forms.Form):
    person = forms.ModelChoiceField(
        label=_("Person"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Choose a person"),
    )
    name = forms.CharField(label=_("Or a new person: name"), max_length=200, required=False)
    title = forms.CharField(label=_("New person's title"), max_length=300, required=False)
    organisation = forms.CharField(
        label=_("New person's organisation"), max_length=300, required=False
    )
    function = forms.ChoiceField(
        label=_("Function"),
        choices=[(value, capfirst(label)) for value, label in SpeakerRole.Function.choices],
        initial=SpeakerRole.Function.SPEAKER,
    )
    role_text = forms.CharField(
        label=_("Title and organisation as shown"),
        max_length=300,
        required=False,
        help_text=_("Leave empty to show the person's own title and organisation."),
    )

    def __init__(self, *args, network, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = Person.objects.filter(network=network).order_by("name")

    def clean(self):
        data = super().clean()
        if data.get("person") and (data.get("name") or "").strip():
            raise ValidationError(_("Choose a person or write a new name, not both."))
        new_details = (data.get("title") or "").strip() or (data.get("organisation") or "").strip()
        if self.is_blank() and new_details:
            self.add_error("name", _("Write the new person's name."))
        return data

    def is_blank(self) -> bool:
        data = getattr(self, "cleaned_data", {})
        return not data.get("person") and not (data.get("name") or "").strip()


class BaseSpeakerFormSet(forms.BaseFormSet):
    def clean(self):
        if any(self.errors):
            return
        seen = set()
        for form in self.forms:
            if self.can_delete and self._should_delete_form(form):
                continue
            if form.is_blank():
                continue
            data = form.cleaned_data
            who = data["person"].pk if data.get("person") else data["name"].strip().casefold()
            key = (who, data["function"])
            if key in seen:
                raise ValidationError(_("The same person is listed twice with the same function."))
            seen.add(key)

    def roles(self) -> list[dict]:
        return [
            form.cleaned_data
            for form in self.forms
            if not (self.can_delete and self._should_delete_form(form)) and not form.is_blank()
        ]


SpeakerFormSet = forms.formset_factory(
    SpeakerForm, formset=BaseSpeakerFormSet, extra=3, can_delete=True, max_num=50
)


def speaker_formset(data=None, *, item: Item | None, network) -> BaseSpeakerFormSet:
    initial = []
    if item is not None and item.pk:
        initial = [
            {"person": role.person, "function": role.function, "role_text": role.role_text}
            for role in item.roles.select_related("person").order_by("position", "pk")
        ]
    return SpeakerFormSet(
        data, initial=initial, prefix="speakers", form_kwargs={"network": network}
    )


class DayForm(forms.Form):
    date = forms.DateField(
        label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    label = forms.CharField(
        label=_("Label (optional)"),
        max_length=120,
        required=False,
        help_text=_("For example “Day 1”."),
    )

"""The registration form, built from the event's own categories, options and questions."""

import datetime as dt

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from samling.core.phone import normalise_phone

from .models import Option, Question, Registration
from .services import RegistrationData


def option_label(option: Option) -> str:
    if option.available is None:
        return option.label
    if option.available == 0:
        return _("%(label)s (full: waiting list)") % {"label": option.label}
    return ngettext(
        "%(label)s (%(count)s place left)", "%(label)s (%(count)s places left)", option.available
    ) % {"label": option.label, "count": option.available}


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"), max_length=254)
    phone = forms.CharField(label=_("Mobile phone"), max_length=32, required=False)
    title = forms.CharField(label=_("Title or position"), max_length=200, required=False)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)

    def __init__(self, *args, event, registration=None, **kwargs):
        self.event = event
        self.registration = registration
        self.settings = event.registration_settings
        super().__init__(*args, **kwargs)
        self._add_widgets_attrs()
        self.fields["organisation"].required = self.settings.require_organisation
        # Read once (or from the caller's prefetch): the form never queries these again.
        self.municipalities = {str(m.pk): m for m in event.network.members.all()}
        self.categories = {str(c.pk): c for c in event.categories.all()}
        self.options = list(event.options.all())
        if self.municipalities:
            self.fields["municipality"] = forms.TypedChoiceField(
                label=_("Municipality"),
                choices=[("", _("– not from a member municipality –"))]
                + [(pk, m.name) for pk, m in self.municipalities.items()],
                coerce=self.municipalities.get,
                empty_value=None,
                required=self.settings.require_municipality,
            )
        if self.categories:
            self.fields["category"] = forms.TypedChoiceField(
                label=_("I take part as"),
                choices=[(pk, c.name) for pk, c in self.categories.items()],
                coerce=self.categories.get,
                widget=forms.RadioSelect,
            )
        self.option_groups = {}
        self.single_options = []
        for option in self.options:
            if option.choice_group:
                self.option_groups.setdefault(option.choice_group, []).append(option)
            else:
                self.single_options.append(option)
        for index, (group, group_options) in enumerate(self.option_groups.items()):
            self.fields[f"group_{index}"] = forms.ChoiceField(
                label=group,
                choices=[(o.key, option_label(o)) for o in group_options],
                widget=forms.RadioSelect,
                required=any(o.group_required for o in group_options),
            )
        for option in self.single_options:
            self.fields[f"option_{option.key}"] = forms.BooleanField(
                label=option_label(option), required=False, help_text=option.description
            )
        if any(option.asks_arrival for option in self.options):
            self.fields["arrival"] = forms.TimeField(
                label=_("Arrival time (for the pick-up)"),
                required=False,
                widget=forms.TimeInput(attrs={"type": "time"}),
            )
            self.fields["flight"] = forms.CharField(
                label=_("Flight number"), max_length=40, required=False
            )
        if self.settings.ask_dietary_needs:
            self.fields["dietary_needs"] = forms.CharField(
                label=_("Dietary needs or allergies"), max_length=300, required=False
            )
        for question in event.questions.all():
            self.fields[f"q_{question.key}"] = self._question_field(question)
        if event.network.privacy_notice and registration is None:
            self.fields["consent"] = forms.BooleanField(
                label=_("I have read how my data is used (see the privacy notice above)."),
                required=True,
            )
        if registration is not None:
            self.fields["email"].disabled = True
            self.initial.update(self._initial_from(registration))

    def _add_widgets_attrs(self):
        self.fields["name"].widget.attrs.update(autocomplete="name")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        self.fields["phone"].widget = forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"})
        self.fields["organisation"].widget.attrs.update(autocomplete="organization")
        self.fields["title"].widget.attrs.update(autocomplete="organization-title")

    def _question_field(self, question: Question):
        common = {"label": question.label, "required": question.required}
        if question.help_text:
            common["help_text"] = question.help_text
        choices = [(choice, choice) for choice in question.choice_list()]
        if question.kind == Question.Kind.SINGLE:
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
        if question.kind == Question.Kind.MULTIPLE:
            return forms.MultipleChoiceField(
                choices=choices, widget=forms.CheckboxSelectMultiple, **common
            )
        if question.kind == Question.Kind.YES_NO:
            return forms.TypedChoiceField(
                choices=[("yes", _("Yes")), ("no", _("No"))],
                widget=forms.RadioSelect,
                coerce=lambda value: value == "yes",
                **common,
            )
        return forms.CharField(max_length=1000, widget=forms.Textarea(attrs={"rows": 3}), **common)

    def _initial_from(self, registration: Registration) -> dict:
        initial = {
            name: getattr(registration, name)
            for name in (
                "name",
                "email",
                "phone",
                "title",
                "organisation",
                "dietary_needs",
                "flight",
            )
        }
        initial["municipality"] = str(registration.municipality_id or "")
        initial["category"] = str(registration.category_id or "")
        if registration.arrival:
            initial["arrival"] = registration.arrival.astimezone(self.event.tz).time()
        chosen = set(registration.chosen_options.values_list("option__key", flat=True))
        for index, group_options in enumerate(self.option_groups.values()):
            for option in group_options:
                if option.key in chosen:
                    initial[f"group_{index}"] = option.key
        for option in self.single_options:
            initial[f"option_{option.key}"] = option.key in chosen
        for key, value in registration.answers.items():
            initial[f"q_{key}"] = "yes" if value is True else "no" if value is False else value
        return initial

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise ValidationError(_("Please write your name."))
        return name

    def clean_phone(self):
        return normalise_phone(self.cleaned_data["phone"], self.event.network.country)

    def chosen_options(self) -> list[Option]:
        by_key = {option.key: option for option in self.options}
        chosen = [
            by_key[self.cleaned_data[f"group_{index}"]]
            for index in range(len(self.option_groups))
            if self.cleaned_data.get(f"group_{index}")
        ]
        chosen += [o for o in self.single_options if self.cleaned_data.get(f"option_{o.key}")]
        return chosen

    def to_data(self, language: str) -> RegistrationData:
        data = self.cleaned_data
        arrival = None
        if data.get("arrival"):
            first_day = self.event.local_start.date()
            arrival = dt.datetime.combine(first_day, data["arrival"], tzinfo=self.event.tz)
        return RegistrationData(
            name=data["name"],
            email=self.registration.email if self.registration else data["email"],
            language=language,
            phone=data.get("phone", ""),
            title=data.get("title", ""),
            organisation=data.get("organisation", ""),
            municipality=data.get("municipality"),
            category=data.get("category"),
            dietary_needs=data.get("dietary_needs", ""),
            arrival=arrival,
            flight=data.get("flight", ""),
            answers={name[2:]: value for name, value in data.items() if name.startswith("q_")},
            options=self.chosen_options(),
        )


class LinkRequestForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))


class RegistrationSetupForm(forms.Form):
    """The wizard's registration step: on or off, places, waiting list, deadline."""

    is_enabled = forms.BooleanField(label=_("Take registrations in Samling"), required=False)
    capacity = forms.IntegerField(
        label=_("Places"), required=False, min_value=1, help_text=_("Empty: no limit.")
    )
    waitlist_enabled = forms.BooleanField(
        label=_("Waiting list when full"), required=False, initial=True
    )
    closes_on = forms.DateField(
        label=_("Deadline"),
        required=False,
        help_text=_("The last day to register (until midnight). Empty: until the event starts."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    require_municipality = forms.BooleanField(label=_("Ask for the municipality"), required=False)

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        settings = getattr(event, "registration_settings", None)
        if settings is not None:
            closes = settings.closes_at.astimezone(event.tz) if settings.closes_at else None
            self.initial.update(
                is_enabled=settings.is_enabled,
                capacity=settings.capacity,
                waitlist_enabled=settings.waitlist_enabled,
                closes_on=(closes - dt.timedelta(seconds=1)).date() if closes else None,
                require_municipality=settings.require_municipality,
            )
        else:
            self.initial.setdefault("is_enabled", True)

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        settings = getattr(self.event, "registration_settings", None)
        if capacity is not None and settings is not None and capacity < settings.confirmed_count:
            raise ValidationError(
                _("%(count)s participants are confirmed already: give at least that many."),
                params={"count": settings.confirmed_count},
            )
        return capacity

    def settings_fields(self) -> dict:
        data = self.cleaned_data
        closes_at = None
        if data["closes_on"]:
            midnight = dt.datetime.combine(data["closes_on"] + dt.timedelta(days=1), dt.time())
            closes_at = midnight.replace(tzinfo=self.event.tz)
        return {
            "is_enabled": data["is_enabled"],
            "capacity": data["capacity"],
            "waitlist_enabled": data["waitlist_enabled"],
            "closes_at": closes_at,
            "require_municipality": data["require_municipality"],
        }


class OptionForm(forms.ModelForm):
    """One choice at registration: a session, the bus, the pick-up, a meal."""

    class Meta:
        model = Option
        fields = ["kind", "label", "capacity", "asks_arrival"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["capacity"].help_text = _("Empty: no limit.")

    def clean_capacity(self):
        capacity = self.cleaned_data["capacity"]
        if capacity is not None and self.instance.pk and capacity < self.instance.confirmed_count:
            raise ValidationError(
                _("%(count)s have chosen it already: give at least that many."),
                params={"count": self.instance.confirmed_count},
            )
        return capacity


class BaseOptionFormSet(forms.BaseModelFormSet):
    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            if form.instance.pk and form.instance.chosen_by.exists():
                form.add_error(None, _("Registrants have chosen this: it cannot be removed."))
                raise ValidationError(_("A choice that registrants have made cannot be removed."))


OptionFormSet = forms.modelformset_factory(
    Option, form=OptionForm, formset=BaseOptionFormSet, extra=3, can_delete=True
)

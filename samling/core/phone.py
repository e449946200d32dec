"""Phone numbers: parsed and checked with `phonenumbers`, stored in E.164, shown nationally."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def normalise_phone(value: str, region: str) -> str:
    """Return `value` in E.164 form, reading national numbers ("070-9197135") in `region`."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, (region or "").upper() or None)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("“%(value)s” is not a valid phone number."),
            code="invalid_phone",
            params={"value": value},
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(value: str, region: str) -> str:
    """National format for the event's own country ("070-919 71 35"), international otherwise."""
    if not value:
        return ""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    if phonenumbers.region_code_for_number(number) == (region or "").upper():
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

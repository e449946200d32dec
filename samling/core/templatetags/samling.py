import json

from django import template
from django.utils.html import mark_safe

from samling.core import timefmt
from samling.core.phone import display_phone

register = template.Library()

register.filter("day_heading", timefmt.day_heading)
register.filter("event_when", timefmt.event_when)
register.filter("change_summary", timefmt.change_summary)
register.filter("long_date", timefmt.long_date)


@register.filter
def item_time(item) -> str:
    return timefmt.time_range(item.start_time, item.end_time, approximate=item.approximate)


@register.filter
def phone(value: str, region: str = "") -> str:
    return display_phone(value, region)


@register.filter
def json_ld(data) -> str:
    """Serialise for a <script type="application/ld+json"> block, safe against </script>."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)


@register.filter
def deadline(value, event) -> str:
    """A moment in the event's own time zone: "24. september 2027 kl. 12.00"."""
    from django.utils import timezone
    from django.utils.formats import date_format

    local = timezone.localtime(value, event.tz)
    return date_format(local, "DATETIME_FORMAT")

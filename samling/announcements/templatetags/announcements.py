"""`{% event_news event %}`: the news box of an event page (published posts linked to it).

The event page is cached under the event's `updated_at`; saving, linking or deleting a post
marks its events changed (see samling.announcements.models.expire_pages).
"""

from django import template

from samling.announcements.queries import announcements_for_event

register = template.Library()


@register.inclusion_tag("announcements/event_news.html")
def event_news(event):
    return {"event": event, "announcements": list(announcements_for_event(event))}

"""Writing, linking and removing a network's news posts; used by the organiser pages and the admin.

Saving or deleting a post marks its network and its linked events changed (see
`models.expire_pages`), so their cached public pages are made again.
"""

from collections.abc import Iterable
from pathlib import PurePath

from django.db import transaction
from django.utils.text import slugify

from samling.core import audit

from .models import Announcement, AnnouncementAttachment, expire_pages

# Letters that do not decompose into a base letter, as the admin's slug field spells them.
NORDIC_LETTERS = str.maketrans({"æ": "ae", "Æ": "Ae", "ø": "o", "Ø": "O", "ß": "ss", "þ": "th"})


def unique_slug(network, title: str, *, exclude_pk=None) -> str:
    """A slug made from the title, numbered when the network already has it."""
    max_length = Announcement._meta.get_field("slug").max_length
    base = slugify(title.translate(NORDIC_LETTERS))[: max_length - 4].strip("-") or "news"
    taken = set(
        Announcement.objects.for_network(network)
        .exclude(pk=exclude_pk)
        .filter(slug__startswith=base)
        .values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def save_announcement(
    announcement: Announcement,
    *,
    events: Iterable | None = None,
    created_by=None,
    new_attachments: Iterable[tuple[str, object]] = (),
    removed_attachments: Iterable[AnnouncementAttachment] = (),
    saved_by=None,
) -> Announcement:
    """Save the post, set its linked events (None: leave them), add and remove documents.

    `new_attachments` holds (title, uploaded file) pairs; an empty title becomes the file name.
    Events linked or unlinked here are marked changed too, so their pages show the news box
    as it now is. The audit log names `saved_by`, or else `created_by`.
    """
    if not announcement.slug:
        announcement.slug = unique_slug(
            announcement.network, announcement.title, exclude_pk=announcement.pk
        )
    if created_by is not None and announcement.created_by_id is None:
        announcement.created_by = created_by
    previous = set(announcement.events.values_list("pk", flat=True)) if announcement.pk else set()
    announcement.save()
    if events is not None:
        events = list(events)
        announcement.events.set(events)
        changed = previous ^ {event.pk for event in events}
        if changed:
            expire_pages(network_id=announcement.network_id, event_ids=list(changed))
    position = announcement.attachments.count()
    for title, upload in new_attachments:
        position += 1
        AnnouncementAttachment.objects.create(
            announcement=announcement,
            title=title or PurePath(upload.name).stem,
            file=upload,
            position=position,
        )
    for attachment in removed_attachments:
        remove_attachment(attachment)
    audit.record(
        "announcement.saved",
        network=announcement.network,
        actor=saved_by or created_by,
        target=announcement.title,
    )
    return announcement


def remove_attachment(attachment: AnnouncementAttachment) -> None:
    """Delete the document and, once the deletion is committed, its file."""
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def delete_announcement(announcement: Announcement, *, deleted_by=None) -> None:
    """Delete the post with its documents (their files go once the deletion is committed)."""
    files = [(a.file.storage, a.file.name) for a in announcement.attachments.all()]
    audit.record(
        "announcement.deleted",
        network=announcement.network,
        actor=deleted_by,
        target=announcement.title,
    )
    announcement.delete()
    for storage, name in files:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))


def linked_events_changed(announcement: Announcement, previous_ids: Iterable[int]) -> None:
    """After the links were changed elsewhere (the admin's form), mark old and new events."""
    current = set(announcement.events.values_list("pk", flat=True))
    changed = current ^ set(previous_ids)
    if changed:
        expire_pages(network_id=announcement.network_id, event_ids=list(changed))

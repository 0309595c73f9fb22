"""Whom an action's messages go to: the targets chosen on its source page.

Every language version of a page carries the action, but only the source page
(the one its translations were made from) decides its targets. A translation's
own value is never read for them: wagtail-localize's sync can be stopped, and
whoever may edit the translation then edits every field of it.
"""

from django.apps import apps

from wagtail.models import Page

from caseblocks.models import ActionTarget


def target_ids(raw_targets):
    """The record ids in a stored ``targets`` list, in order.

    Anything else (such as a name and address typed into the stored JSON, as
    values were before targets were records) is dropped, never sent to.
    """
    ids = []
    for item in raw_targets or ():
        if isinstance(item, dict) and item.get("type") == "item":
            item = item.get("value")
        if isinstance(item, int) and not isinstance(item, bool):
            ids.append(item)
        elif isinstance(item, str) and item.isdigit():
            ids.append(int(item))
    return list(dict.fromkeys(ids))


def recipients(raw_targets):
    """``[{"id", "name", "position", "email", "country"}]`` of the stored targets."""
    ids = target_ids(raw_targets)
    found = ActionTarget.objects.in_bulk(ids)
    return [found[pk].as_recipient() for pk in ids if pk in found]


def source_page_id(page):
    """The id of the page ``page``'s translations were made from (itself if none).

    With wagtail-localize, its first ``TranslationSource`` for the page names the
    source locale; without it, the oldest page of the translation group is the
    source, since a translation is always made after its source.
    """
    group = Page.objects.filter(translation_key=page.translation_key)
    if apps.is_installed("wagtail_localize"):
        from wagtail_localize.models import TranslationSource

        source = (
            TranslationSource.objects.filter(object_id=page.translation_key)
            .order_by("created_at", "pk")
            .values_list("locale_id", flat=True)
            .first()
        )
        if source is not None:
            group = group.filter(locale_id=source)
    return group.order_by("pk").values_list("pk", flat=True).first()

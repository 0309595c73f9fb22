"""Translation sync, subscribed to core's content event (``cms.lifecycle``).

It hears ``content_changing``, inside the publishing transaction, not the
after-commit event: whether a publish is a sync publishing a translation's
facts is known only while that publish runs (``is_publishing_facts``), and the
translations' facts go live in the same commit as their source.
"""

from cms.lifecycle import Change, content_changing

from .conf import get_setting
from .sync import (
    is_publishing_facts,
    record_edits_to_translation,
    source_locales,
    sync_translations,
)


def update_translations_on_publish(sender, change, pages=(), user=None, **kwargs):
    """A published translation keeps its text; a published source updates its
    translations (``CASEBOOK_TRANSLATION["SYNC_ON_PUBLISH"]``)."""
    if change.kind != Change.PUBLISHED:
        return
    for page in pages:
        sources = source_locales(page)
        # A page is a translation if its group has a source in another locale.
        # A sync publishing a translation's facts republishes its old text, which
        # is no translator's new work.
        if sources - {page.locale_id} and not is_publishing_facts():
            record_edits_to_translation(page)
        # It is a source if its group has one in its own locale.
        if page.locale_id in sources and get_setting("SYNC_ON_PUBLISH"):
            sync_translations(page, user=user)


def register_subscribers():
    content_changing.connect(
        update_translations_on_publish, dispatch_uid="casebook_translation_publish"
    )

from wagtail.signals import page_published

from .conf import get_setting
from .sync import is_publishing_facts, record_edits_to_translation, sync_translations


def update_translations_on_publish(sender, instance, revision=None, **kwargs):
    """A published translation keeps its text; a published source updates its
    translations (``CASEBOOK_TRANSLATION["SYNC_ON_PUBLISH"]``)."""
    # A sync publishing a translation's facts republishes its old text, which
    # is no translator's new work.
    if not is_publishing_facts():
        record_edits_to_translation(instance)
    if get_setting("SYNC_ON_PUBLISH"):
        sync_translations(instance, user=getattr(revision, "user", None))


def register_signal_handlers():
    page_published.connect(
        update_translations_on_publish, dispatch_uid="casebook_translation_publish"
    )

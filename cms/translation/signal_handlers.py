from wagtail.signals import page_published

from .conf import get_setting
from .sync import sync_translations


def sync_translations_on_publish(sender, instance, revision=None, **kwargs):
    if get_setting("SYNC_ON_PUBLISH"):
        user = getattr(revision, "user", None)
        sync_translations(instance, user=user)


def register_signal_handlers():
    page_published.connect(
        sync_translations_on_publish, dispatch_uid="casebook_translation_sync"
    )

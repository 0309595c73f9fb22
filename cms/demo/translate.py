"""The one way the demo makes a translation of a page."""

from wagtail import hooks

HOOK_NAME = "copy_page_for_translation"
WRITTEN_HOOK_NAME = "translation_written"


def translate_page(page, locale):
    """Return a published copy of ``page`` in ``locale``, ready for translated text.

    Extension point: a translation plugin can take over how copies are made by
    registering a Wagtail hook::

        @hooks.register("copy_page_for_translation")
        def copy_page_for_translation(page, locale, user=None):
            ...  # make the copy through the plugin's own machinery
            return translated_page

    The hook gets the source page, the target ``wagtail.models.Locale`` and the acting
    user (``None`` here). It returns the translated page: a real page in ``locale``
    (not an alias), published, sharing ``page.translation_key``, whose parent is the
    translation of the source's parent. If several hooks are registered, the last one
    wins, so a project can override a plugin.

    Without a hook, Wagtail core's ``Page.copy_for_translation`` makes the copy and it
    is published as it stands. Either way the caller then sets the translated text on
    the copy and publishes a new revision.
    """
    registered = hooks.get_hooks(HOOK_NAME)
    if registered:
        return registered[-1](page, locale, user=None).specific
    copy = page.copy_for_translation(locale)
    # The copy already has a revision holding the source's content; publish that one
    # rather than making another.
    copy.get_latest_revision().publish()
    copy.refresh_from_db()
    return copy.specific


def translation_written(page):
    """Say that every translatable text of ``page`` (a translation) is written.

    Extension point: the demo's translations are complete, names and places
    included that read the same in both languages ("Casebook", "Zhanaozen").
    A translation plugin can record them as translated by registering::

        @hooks.register("translation_written")
        def translation_written(page, user=None):
            ...

    Called after the page is published with its translated text.
    """
    for hook in hooks.get_hooks(WRITTEN_HOOK_NAME):
        hook(page, user=None)

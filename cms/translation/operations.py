"""Make wagtail-localize translations of pages."""

from django.db import transaction

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource


@transaction.atomic
def copy_page_for_translation(page, locale, user=None):
    """Translate ``page`` into ``locale`` through wagtail-localize.

    Registered as the ``copy_page_for_translation`` hook. Ancestors missing in
    ``locale`` are translated first, so the whole branch is managed by
    wagtail-localize. Until translators have worked on it, the translated page
    holds the source text; it is published if ``page`` is live. Returns the
    translated page (specific).
    """
    if isinstance(locale, str):
        locale = Locale.objects.get(language_code=locale)
    page = page.specific
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.has_translation(locale):
            translate(ancestor, locale, user=user)
    return translate(page, locale, user=user)


def translate(instance, locale, user=None):
    """Create or update ``instance``'s translation into ``locale``; return it."""
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.update_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    # Saved as a draft, then published here rather than when the transaction
    # commits (as save_target does): a caller that edits and publishes the page
    # in the same transaction must not see its work replaced afterwards.
    translation.save_target(user=user, publish=False)
    translated = source.get_translated_instance(locale)
    if getattr(instance, "live", False):
        translated.get_latest_revision().publish(user=user)
        translated.refresh_from_db()
    return translated.specific

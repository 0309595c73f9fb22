"""How far translators have got, per page and locale."""

from wagtail_localize.models import Translation


def translation_progress(page):
    """The translations of ``page`` (as source or as a translation), with progress.

    Returns one dict per translation, ordered by target locale::

        {"source_locale": "en", "locale": "it", "total": 12, "translated": 9,
         "percent": 75, "enabled": True}

    ``total`` counts the strings translators are given (wagtail-localize's
    ``Translation.get_progress()``); a page with none is 100% translated.
    """
    translations = (
        Translation.objects.filter(source__object_id=page.translation_key)
        .select_related("source__locale", "target_locale")
        .order_by("target_locale__language_code")
    )
    return [progress_of(translation) for translation in translations]


def progress_of(translation):
    total, translated = translation.get_progress()
    return {
        "source_locale": translation.source.locale.language_code,
        "locale": translation.target_locale.language_code,
        "total": total,
        "translated": translated,
        "percent": percent(translated, total),
        "enabled": translation.enabled,
    }


def percent(part, whole):
    return 100 if not whole else (100 * part) // whole

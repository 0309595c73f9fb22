"""Keep translations in step with their source page.

wagtail-localize rebuilds a translated page from the source's content plus the
translated strings it holds. Synchronised fields and block children therefore
follow the source, and translated text is kept. Text written straight onto a
translated page (by a script, or before the page was synced) is not among those
strings, so it is recorded first: a sync never throws a translator's work away.
"""

from collections import defaultdict

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from wagtail_localize.models import (
    String,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

# wagtail-localize changes these itself (a slug taken by a sibling gets "-1"), so a
# difference there is not a translator's text.
MADE_BY_WAGTAIL_LOCALIZE = {"slug"}


def sync_translations(page, user=None):
    """Update every translation of ``page`` from its current live content.

    Does nothing unless ``page`` is the source of wagtail-localize translations.
    A live translation is published again; a draft one gets a new draft.
    Returns the translated pages that were updated.
    """
    source = TranslationSource.objects.get_for_instance_or_none(page.specific)
    if source is None:
        return []
    translations = list(source.translations.filter(enabled=True))
    for translation in translations:
        record_direct_edits(translation)
    source.update_from_db()
    updated = []
    for translation in translations:
        try:
            target = translation.get_target_instance()
        except ObjectDoesNotExist:
            continue
        translation.save_target(user=user, publish=target.live)
        updated.append(target)
    return updated


def record_edits_to_translation(page):
    """If ``page`` is a wagtail-localize translation, store its text as translated.

    Called when a page is published, so that text written straight onto a
    translated page shows as done in the translation editor and in the progress.
    """
    translation = (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )
    return record_direct_edits(translation) if translation else 0


def strings_by_path(instance):
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def record_direct_edits(translation, user=None):
    """Store text edited directly on the translated page as its translations.

    Compares the translated page with the source content the translation was
    made from, path by path; where the texts differ, the translated page's text
    becomes the stored translation. Returns how many strings were recorded.
    """
    source = translation.source
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return 0
    if getattr(target, "alias_of_id", None):
        return 0
    if hasattr(target, "get_latest_revision_as_object"):
        target = target.get_latest_revision_as_object()
    originals = strings_by_path(source.as_instance())
    edited = strings_by_path(target)
    recorded = 0
    for path, texts in originals.items():
        if path in MADE_BY_WAGTAIL_LOCALIZE:
            continue
        # Rich text splits into several strings per path: pair them only when
        # the translated page has the same number, in the same order.
        if len(edited.get(path, ())) != len(texts):
            continue
        context = TranslationContext.objects.filter(
            object_id=source.object_id, path=path
        ).first()
        if context is None:
            continue
        for original, text in zip(texts, edited[path], strict=True):
            if text != original and _store(translation, context, original, text):
                recorded += 1
    return recorded


def _store(translation, context, original, text):
    string = String.objects.filter(
        locale_id=translation.source.locale_id,
        data_hash=String._get_data_hash(original),
    ).first()
    if string is None:
        return False
    stored = StringTranslation.objects.filter(
        translation_of=string, locale_id=translation.target_locale_id, context=context
    ).first()
    if stored is not None and stored.data == text:
        return False
    StringTranslation.objects.update_or_create(
        translation_of=string,
        locale_id=translation.target_locale_id,
        context=context,
        defaults={
            "data": text,
            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            "updated_at": timezone.now(),
            "has_error": False,
            "field_error": "",
        },
    )
    return True

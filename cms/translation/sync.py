"""Keep translations in step with their source page, without publishing their work.

When a source page is published, its synchronised facts go live on every live
translation at once, kept with the translation's *published* text
(``facts.py``). Everything else the translation would get (the source's changed
text, strings saved in wagtail-localize's editor, a translator's draft) goes
into the translation's draft, for its translator to finish and for someone with
the right to publish. A translation that is only a draft gets a draft.

Text written straight onto a translated page (by a script, or in a draft) is
not among wagtail-localize's strings, so it is recorded first: a sync never
throws a translator's work away.
"""

from collections import defaultdict
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone

from wagtail_localize.models import (
    String,
    StringTranslation,
    Translation,
    TranslationContext,
    TranslationLog,
    TranslationSource,
)
from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import extract_segments

from .facts import content_of, live_version, publish_facts
from .fields import MADE_BY_WAGTAIL_LOCALIZE

# True while a sync publishes a translation's facts: that publication holds the
# old published text, which must not be recorded over newer stored strings.
_publishing_facts = ContextVar("casebook_translation_publishing_facts", default=False)


def is_publishing_facts():
    return _publishing_facts.get()


@contextmanager
def publishing_facts():
    token = _publishing_facts.set(True)
    try:
        yield
    finally:
        _publishing_facts.reset(token)


def sync_translations(page, user=None):
    """Update every translation of ``page`` from its current live content.

    Does nothing unless ``page`` is the source of wagtail-localize translations.
    A live translation gets the source's synchronised facts published and
    everything else in a new draft; a draft translation gets a new draft.
    Aliases are left to Wagtail, which copies the source onto them.
    Returns the translated pages that were updated.
    """
    source = TranslationSource.objects.get_for_instance_or_none(page.specific)
    if source is None:
        return []
    translations = list(
        source.translations.filter(enabled=True).select_related("target_locale")
    )
    for translation in translations:
        record_direct_edits(translation)
    source.update_from_db()
    updated = [
        update_translation(translation, user=user) for translation in translations
    ]
    return [target for target in updated if target is not None]


def update_translation(translation, user=None):
    """Bring one translation up to date with its (already updated) source.

    Publishes the synchronised facts if the translated page is live, and saves
    the rest as a draft. Returns the translated page, or None if there is none
    or it is an alias.
    """
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return None
    if target.alias_of_id:
        return None
    live = live_version(translation)
    if live is not None:
        with publishing_facts():
            publish_facts(live, user=user)
    save_draft(translation, user=user)
    return target


def save_draft(translation, user=None):
    """Save what wagtail-localize would make of the translation as a draft.

    That is the source's content with every stored string (translated or not
    yet: the source's text stands in). Never written to a live page's row,
    which is what visitors read. Returns the new revision, or None if the
    draft would say what is live.
    """
    target = translation.get_target_instance()
    if not target.live:
        translation.save_target(user=user, publish=False)
        return target.get_latest_revision()
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    if content_of(draft) == content_of(target):
        return None
    revision = draft.save_revision(user=user, clean=False)
    TranslationLog.objects.create(
        source=translation.source, locale=translation.target_locale, revision=revision
    )
    return revision


def source_locales(page):
    """Locale ids of the translation sources in ``page``'s translation group.

    One read tells whether a publish has anything to record or sync: most pages
    were never sent for translation, and have none.
    """
    return set(
        TranslationSource.objects.filter(object_id=page.translation_key).values_list(
            "locale_id", flat=True
        )
    )


def record_edits_to_translation(page, keep_identical=False):
    """If ``page`` is a wagtail-localize translation, store its text as translated.

    Called when a page is published, so that text written straight onto a
    translated page shows as done in the translation editor and in the progress.
    Text that reads as in the source counts only with ``keep_identical``: when
    whoever wrote the page says all of it is translated (``record_written``).
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
    if translation is None:
        return 0
    return record_direct_edits(translation, keep_identical=keep_identical)


def record_written(page, user=None):
    """The ``translation_written`` hook: all of ``page``'s text is translated.

    Names and places that read the same in both languages are recorded too, as
    a translator keeps them in wagtail-localize's editor.
    """
    return record_edits_to_translation(page, keep_identical=True)


def strings_by_path(instance):
    strings = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def record_direct_edits(translation, keep_identical=False):
    """Store text edited directly on the translated page as its translations.

    Compares the translated page with the source content the translation was
    made from, path by path; where the texts differ, the translated page's text
    becomes the stored translation, unless the stored one was saved after the
    page (a translator's newer work in wagtail-localize's editor). Returns how
    many strings were recorded.
    """
    source = translation.source
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist:
        return 0
    if getattr(target, "alias_of_id", None):
        return 0
    written_at = None
    if hasattr(target, "get_latest_revision_as_object"):
        written_at = getattr(target.latest_revision, "created_at", None)
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
            if text == original and not keep_identical:
                continue
            if _store(translation, context, original, text, written_at):
                recorded += 1
    return recorded


def _store(translation, context, original, text, written_at=None):
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
    if stored is not None and written_at and stored.updated_at > written_at:
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

"""How far translators have got, per page and locale.

The progress counts what translators translate: every string wagtail-localize
gives them except the slug, which it fills in itself (``MADE_BY_WAGTAIL_LOCALIZE``).
A string counts as translated when a translation of it is stored without an
error, whether typed in wagtail-localize's editor, imported from a PO file or
written on the translated page (``sync.record_direct_edits``). A string the
source changed is a new string, so it shows as to do until it is translated.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce

from wagtail_localize.models import StringSegment, StringTranslation, Translation

from .fields import MADE_BY_WAGTAIL_LOCALIZE


def with_progress(translations):
    """Annotate ``strings_total`` and ``strings_translated`` on ``translations``.

    One query for the whole queryset, however many translations it holds.
    """
    segments = StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(
        context__path__in=MADE_BY_WAGTAIL_LOCALIZE
    )
    translated = segments.filter(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )
    return translations.annotate(
        strings_total=Coalesce(_count(segments), 0),
        strings_translated=Coalesce(_count(translated), 0),
    )


def _count(segments):
    counted = segments.order_by().values("source_id").annotate(n=Count("pk"))
    return Subquery(counted.values("n"), output_field=IntegerField())


def translation_progress(page):
    """The translations of ``page`` (as source or as a translation), with progress.

    Returns one dict per translation, ordered by target locale::

        {"source_locale": "en", "locale": "it", "total": 12, "translated": 9,
         "percent": 75, "enabled": True}

    A page with nothing to translate is 100% translated.
    """
    translations = with_progress(
        Translation.objects.filter(source__object_id=page.translation_key)
        .select_related("source__locale", "target_locale")
        .order_by("target_locale__language_code")
    )
    return [progress_of(translation) for translation in translations]


def progress_of(translation):
    """Progress of one translation (annotated by ``with_progress`` or not)."""
    if not hasattr(translation, "strings_total"):
        translation = with_progress(
            Translation.objects.filter(pk=translation.pk).select_related(
                "source__locale", "target_locale"
            )
        ).get()
    total, translated = translation.strings_total, translation.strings_translated
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


def translations_waiting(locale, user=None):
    """Enabled translations into ``locale`` with strings left to translate.

    Extension point for the dashboard. ``locale`` is a ``Locale`` or a language
    code. With ``user``, only translations whose translated page that user may
    edit (a translator sees their own locale's tree). Returns the translations,
    annotated as by ``with_progress``, most work left first.
    """
    translations = Translation.objects.filter(enabled=True)
    if isinstance(locale, str):
        translations = translations.filter(target_locale__language_code=locale)
    else:
        translations = translations.filter(target_locale=locale)
    translations = with_progress(translations.select_related("source__locale"))
    waiting = [t for t in translations if t.strings_translated < t.strings_total]
    if user is not None:
        waiting = [t for t in waiting if _may_edit(user, t)]
    return sorted(
        waiting,
        key=lambda t: (t.strings_translated - t.strings_total, t.source.object_repr),
    )


def _may_edit(user, translation):
    try:
        page = translation.get_target_instance()
    except ObjectDoesNotExist:
        return False
    permissions = getattr(page, "permissions_for_user", None)
    return bool(permissions and permissions(user).can_edit())

"""Pages in a requested locale, and what to answer when a page has no translation.

A page is addressed in a locale by what names it (an id, a front-end path or a
country's ISO code) plus ``?locale=``: the answer is the public page with the same
``translation_key`` in that locale. When there is none, ``CASEBOOK_API
["MISSING_TRANSLATION"]`` decides:

- ``"404"`` (the default): a JSON 404, and listings hold only pages in the locale;
- ``"fallback"``: the page in the default locale (``LANGUAGE_CODE``), with
  ``"meta": {"untranslated": true, "requested_locale": ..., "locale": ...}``;
  listings hold each page in the locale, or else in the default locale.

Translations are found among public pages only, never with
``Page.get_translation_or_none()``, which would also find drafts and private
pages. This needs Wagtail's own ``translation_key`` only, not wagtail-localize.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q
from django.http import Http404

from wagtail.coreutils import get_supported_content_language_variant

from cms.api import caching
from cms.conf import get_setting

NOT_FOUND = "404"
FALLBACK = "fallback"
# What the lookups below read of a page: its cache version, and how to translate it.
FIELDS = (*caching.VERSION_FIELDS, "translation_key", "locale__language_code")


def falls_back():
    """Whether a page missing in a locale is served in the default locale."""
    value = get_setting("MISSING_TRANSLATION")
    if value not in (NOT_FOUND, FALLBACK):
        raise ImproperlyConfigured(
            f"CASEBOOK_API['MISSING_TRANSLATION'] is {value!r}: "
            f"use {NOT_FOUND!r} or {FALLBACK!r}."
        )
    return value == FALLBACK


def default_language():
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


def untranslated(requested, served):
    """The ``meta`` of a page served in another locale than the one asked for."""
    return {"untranslated": True, "requested_locale": requested, "locale": served}


def in_locale(queryset, language, public):
    """Pages of ``queryset`` to list in ``language``.

    With fallback, a page without a translation in ``language`` among ``public``
    (the public pages) is listed in the default locale instead.
    """
    default = default_language()
    if language == default or not falls_back():
        return queryset.filter(locale__language_code=language)
    translated = public.filter(locale__language_code=language).values("translation_key")
    return queryset.filter(
        Q(locale__language_code=language)
        | (Q(locale__language_code=default) & ~Q(translation_key__in=translated))
    )


def resolve(queryset, version, language):
    """The page to serve for ``version`` (a dict of FIELDS) asked for in ``language``.

    Returns ``(version, meta)``; ``meta`` is None unless the page is served
    untranslated. Raises Http404 when it has no public translation in ``language``
    and the setting does not fall back. ``queryset``: the public pages.
    """
    if language is None or version["locale__language_code"] == language:
        return version, None
    same_page = queryset.filter(translation_key=version["translation_key"])
    found = same_page.filter(locale__language_code=language).values(*FIELDS).first()
    if found is not None:
        return found, None
    if not falls_back():
        raise Http404(f"This page has no public translation in '{language}'.")
    default = default_language()
    if version["locale__language_code"] != default:
        # The page asked for stands in when it has no default-locale translation.
        version = (
            same_page.filter(locale__language_code=default).values(*FIELDS).first()
            or version
        )
    return version, untranslated(language, version["locale__language_code"])


def mark_untranslated(items, language):
    """Listed teasers (or countries), each marked if not in ``language``."""
    if language is None:
        return items
    return [
        item
        if item["locale"] == language
        else {**item, "meta": untranslated(language, item["locale"])}
        for item in items
    ]

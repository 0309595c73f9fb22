"""Small JSON shapes for pages that other pages point to, in the pointing page's language."""

from collections import defaultdict

from cms.api.pagetypes import page_type_for_model
from cms.api.paths import page_path
from cms.visibility import visible_pages


def country_ref(country):
    if country is None:
        return None
    return {
        "id": country.pk,
        "iso": country.iso_code,
        "name": country.title,
        "path": page_path(country),
        "locale": country.locale.language_code,
    }


def page_ref(page):
    if page is None:
        return None
    return {
        "id": page.pk,
        "type": page_type_for_model(type(page)).name,
        "title": page.title,
        "path": page_path(page),
        "locale": page.locale.language_code,
    }


def in_locales(pairs):
    """For ``(owner, page)`` pairs, each page as the owner's readers should see it.

    A reference saved before its target was translated still points at the source
    language's page: it is answered with the target's public translation in the
    owner's locale where one exists, else as it is. One query per model of
    referenced page, and none when every reference is already in its owner's locale.
    """
    wanted = defaultdict(set)
    for owner, page in pairs:
        if page is not None and page.locale_id != owner.locale_id:
            wanted[type(page)].add((page.translation_key, owner.locale_id))
    found = {}
    for model, keys in wanted.items():
        translations = (
            visible_pages(model)
            .filter(
                translation_key__in={key for key, _ in keys},
                locale_id__in={locale for _, locale in keys},
            )
            .select_related("locale")
        )
        for translation in translations:
            found[(translation.translation_key, translation.locale_id)] = translation
    return [
        page
        if page is None or page.locale_id == owner.locale_id
        else found.get((page.translation_key, owner.locale_id), page)
        for owner, page in pairs
    ]

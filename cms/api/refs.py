"""Small JSON shapes for pages that other pages point to, each declared once,
in the pointing page's language.

The schema is the declaration: ``of`` reads the page into it, and the JSON is
the schema's dump, so the OpenAPI document and the response cannot drift apart.
"""

from collections import defaultdict

from ninja import Schema

from cms.api import tags
from cms.api.pagetypes import page_type_for_model
from cms.paths import page_path
from cms.visibility import visible_pages


class CountryRef(Schema):
    id: int
    iso: str
    name: str
    path: str
    locale: str

    @classmethod
    def of(cls, country):
        tags.add(tags.page_tag(country.pk))
        return cls(
            id=country.pk,
            iso=country.iso_code,
            name=country.title,
            path=page_path(country),
            locale=country.locale.language_code,
        )


class PageRef(Schema):
    id: int
    type: str
    title: str
    path: str
    locale: str

    @classmethod
    def of(cls, page):
        tags.add(tags.page_tag(page.pk))
        return cls(
            id=page.pk,
            type=page_type_for_model(type(page)).name,
            title=page.title,
            path=page_path(page),
            locale=page.locale.language_code,
        )


def country_ref(country):
    return None if country is None else CountryRef.of(country).model_dump()


def page_ref(page):
    return None if page is None else PageRef.of(page).model_dump()


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

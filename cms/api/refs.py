"""Small JSON shapes for pages that other pages point to, each declared once.

The schema is the declaration: ``of`` reads the page into it, and the JSON is
the schema's dump, so the OpenAPI document and the response cannot drift apart.
"""

from ninja import Schema

from cms.api.pagetypes import page_type_for_model
from cms.paths import page_path


class CountryRef(Schema):
    id: int
    iso: str
    name: str
    path: str

    @classmethod
    def of(cls, country):
        return cls(
            id=country.pk,
            iso=country.iso_code,
            name=country.title,
            path=page_path(country),
        )


class PageRef(Schema):
    id: int
    type: str
    title: str
    path: str
    locale: str

    @classmethod
    def of(cls, page):
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

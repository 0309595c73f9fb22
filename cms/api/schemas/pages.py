"""Typed API schemas for pages: teasers, references and one detail model per type.

A detail model is made from the page model's ``api_fields``: each field's type is
read from the model field (see ``cms.api.fields``), a StreamField's from its
StreamBlock. The detail of any page is a union discriminated on ``type``.
"""

import datetime
from functools import cache
from typing import Annotated, Literal, Union

from ninja import Schema
from pydantic import Field, create_model

from caseblocks.blocks.schemas import ImageValue
from cms.api.fields import api_fields
from cms.api.pagetypes import page_types


class CountryRef(Schema):
    id: int
    iso: str
    name: str
    path: str


class PageRef(Schema):
    id: int
    type: str
    title: str
    path: str
    locale: str


class Breadcrumb(Schema):
    id: int
    title: str
    path: str


class Translation(Schema):
    id: int
    locale: str
    title: str
    path: str


class Untranslated(Schema):
    """Why a page came back in another locale than the one asked for."""

    untranslated: Literal[True]
    requested_locale: str
    locale: str = Field(description="The locale the page is served in.")


class PageTeaser(Schema):
    id: int
    type: str
    title: str
    summary: str
    date: datetime.datetime | None
    image: ImageValue | None
    country: CountryRef | None
    status: str | None
    path: str
    locale: str
    campaigns: list[PageRef] = Field(
        default_factory=list,
        description="The public campaigns a case or news post is part of.",
    )
    meta: Untranslated | None = Field(
        None,
        description="Only on a page served untranslated "
        "(CASEBOOK_API['MISSING_TRANSLATION'] = 'fallback').",
    )


class PageListing(Schema):
    total: int
    limit: int
    offset: int
    items: list[PageTeaser]


class PageDetailBase(PageTeaser):
    slug: str
    seo_title: str
    search_description: str
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    breadcrumbs: list[Breadcrumb]
    translations: list[Translation]


class CountryWithLatest(Schema):
    id: int
    iso: str
    name: str
    path: str
    locale: str
    summary: str
    cases: list[PageTeaser]
    news: list[PageTeaser]
    meta: Untranslated | None = Field(
        None, description="Only on a country served untranslated."
    )


class CountryListing(Schema):
    items: list[CountryWithLatest]


class ErrorItem(Schema):
    field: str | None
    message: str


class Errors(Schema):
    errors: list[ErrorItem]


def detail_schema(page_type):
    """The detail model of one page type: the common fields plus its api_fields."""
    base_fields = PageDetailBase.model_fields
    fields = {
        name: (field.schema, ...)
        for name, field in api_fields(page_type.model).items()
        if name not in base_fields
    }
    return create_model(
        f"{page_type.model.__name__}Detail",
        __base__=PageDetailBase,
        type=(Literal[page_type.name], ...),
        **fields,
    )


@cache
def page_detail_schema():
    """Any page's detail, discriminated on ``type``."""
    members = tuple(detail_schema(page_type) for page_type in page_types().values())
    return Annotated[Union[members], Field(discriminator="type")]  # noqa: UP007

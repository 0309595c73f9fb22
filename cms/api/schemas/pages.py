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

from cms.api.errors import ErrorItem, Errors
from cms.api.fields import api_fields
from cms.api.pagetypes import page_types
from cms.api.refs import CountryRef, PageRef
from cms.api.schemas.teasers import PageTeaser, Untranslated

__all__ = [
    "Breadcrumb",
    "CountryListing",
    "CountryRef",
    "CountryWithLatest",
    "ErrorItem",
    "Errors",
    "PageDetailBase",
    "PageListing",
    "PageRef",
    "PageTeaser",
    "Translation",
    "Untranslated",
    "detail_schema",
    "page_detail_schema",
]


class Breadcrumb(Schema):
    id: int
    title: str
    path: str


class Translation(Schema):
    id: int
    locale: str
    title: str
    path: str


class PageListing(Schema):
    total: int
    limit: int
    offset: int
    next: str | None = Field(
        description="The address of the next window of this listing, or null."
    )
    previous: str | None = Field(
        description="The address of the window before, or null on the first."
    )
    items: list[PageTeaser]


class Included(Schema):
    """Related pages asked for with ``include=``, each a listing of ``/pages/``."""

    cases: PageListing | None = Field(
        None, description="A country's cases, or the cases a news post names."
    )
    news: PageListing | None = Field(
        None, description="A country's news posts, or those naming a case."
    )


class PageDetailBase(PageTeaser):
    slug: str
    seo_title: str
    search_description: str
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None
    breadcrumbs: list[Breadcrumb]
    translations: list[Translation]
    included: Included | None = Field(
        None, description="Only with include=: the related pages asked for."
    )


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

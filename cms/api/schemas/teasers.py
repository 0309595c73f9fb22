"""The teaser: the one shape of a page in listings, search results and includes.

Every route that names pages answers ``PageTeaser`` (search adds its highlights),
and ``cms.api.serialise.teaser`` produces the JSON from this model, so the
OpenAPI document and the answers cannot drift apart.
"""

import datetime
from typing import Literal

from ninja import Schema
from pydantic import Field

from caseblocks.blocks.schemas import ImageValue
from cms.api.refs import CountryRef, PageRef


class Untranslated(Schema):
    """Why a page came back in another locale than the one asked for."""

    untranslated: Literal[True]
    requested_locale: str
    locale: str = Field(description="The locale the page is served in.")


class PageTeaser(Schema):
    id: int
    type: str = Field(description="The page type, for example 'case' or 'news'.")
    title: str
    summary: str
    date: datetime.datetime | None = Field(
        description="The date the page type declares (a news post's publication, "
        "else the first publication); 'newest first' sorts by it."
    )
    image: ImageValue | None
    countries: list[CountryRef] = Field(
        description="Every public country the page names, in the page's language "
        "where one is translated; a country page names itself."
    )
    status: str | None
    path: str = Field(description="Front-end path, for example '/en/cases/x/'.")
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

"""Typed API schemas of campaigns: listed, and in detail, with their pages."""

import datetime
from functools import cache
from typing import Literal

from pydantic import Field, create_model

from cms.api.pagetypes import page_types
from cms.api.schemas.pages import PageTeaser, detail_schema
from cms.models import CampaignState

INCLUDED = {
    "cases": "The campaign's public cases, newest first; only with include=cases.",
    "news": "The campaign's public news posts, newest first; only with include=news.",
}
State = Literal[tuple(CampaignState.values)]


def included_fields():
    return {
        name: (list[PageTeaser] | None, Field(None, description=description))
        for name, description in INCLUDED.items()
    }


CampaignItem = create_model(
    "CampaignItem",
    __base__=PageTeaser,
    slug=(str, ...),
    state=(State, ...),
    starts_on=(datetime.date | None, ...),
    ends_on=(datetime.date | None, ...),
    **included_fields(),
)

CampaignListing = create_model("CampaignListing", items=(list[CampaignItem], ...))


@cache
def campaign_detail_schema():
    """The campaign page's detail, with its cases and news when included."""
    return create_model(
        "CampaignWithPages",
        __base__=detail_schema(page_types()["campaign"]),
        **included_fields(),
    )

"""``/campaigns/``: campaigns, with their cases and news posts on request."""

import json
from typing import Annotated

from ninja import Path, Query, Router
from ninja.decorators import decorate_view

from django.http import Http404

from cms.api import caching
from cms.api.campaigns import campaign_lookup, is_id
from cms.api.include import parse
from cms.api.loading import detail_json, teasers
from cms.api.locales import (
    FIELDS,
    default_language,
    in_locale,
    mark_untranslated,
    resolve,
)
from cms.api.responses import cache_public_response
from cms.api.routers.pages import LanguageCode
from cms.api.schemas.campaigns import (
    INCLUDED,
    CampaignListing,
    State,
    campaign_detail_schema,
)
from cms.api.schemas.pages import Errors
from cms.api.sites import site_pages
from cms.models import CampaignPage, CasePage, NewsPage

router = Router(tags=["campaigns"])

INCLUDE_DESCRIPTION = "Comma-separated: cases, news. Their teasers, newest first."
# What include= adds: the model, and the order of its teasers.
MEMBERS = {
    "cases": (CasePage, "-first_published_at"),
    "news": (NewsPage, "-published_at"),
}
NOT_FOUND = "No public campaign with this id or slug."


def parse_include(include):
    return parse(include, names=sorted(INCLUDED))


def members(request, campaign, language, names):
    """The teasers ``names`` asks for of one campaign, in ``language``; null
    for what is not asked for."""
    public = site_pages(request, CampaignPage)
    group = public.filter(translation_key=campaign["translation_key"]).values("pk")
    found = dict.fromkeys(INCLUDED)
    for name in names:
        model, order = MEMBERS[name]
        pages = in_locale(
            site_pages(request, model).filter(campaigns__in=group),
            language,
            site_pages(request),
        )
        versions = (
            pages.distinct().order_by(order, "-pk").values(*caching.VERSION_FIELDS)
        )
        found[name] = teasers(list(versions))
    return found


@router.get("/", response={200: CampaignListing, 400: Errors}, summary="List campaigns")
@decorate_view(cache_public_response)
def list_campaigns(
    request,
    locale: Annotated[
        LanguageCode | None,
        Query(
            description="Only campaigns in this language (and, if the API falls "
            "back, campaigns without one in the default language)."
        ),
    ] = None,
    state: State | None = None,
    include: str = Query("", max_length=64, description=INCLUDE_DESCRIPTION),
):
    names = parse_include(include)
    queryset = site_pages(request, CampaignPage)
    if locale:
        queryset = in_locale(queryset, locale, site_pages(request))
    if state:
        queryset = queryset.filter(state=state)
    rows = list(
        queryset.order_by("-starts_on", "title", "pk").values(
            *FIELDS, "slug", "state", "starts_on", "ends_on"
        )
    )
    by_pk = {teaser["id"]: teaser for teaser in teasers(rows)}
    items = []
    for row in rows:
        item = {
            **by_pk[row["pk"]],
            "slug": row["slug"],
            "state": row["state"],
            "starts_on": row["starts_on"],
            "ends_on": row["ends_on"],
        }
        item.update(members(request, row, row["locale__language_code"], names))
        items.append(item)
    return caching.json_response(request, {"items": mark_untranslated(items, locale)})


@router.get(
    "/{key}/",
    response={200: campaign_detail_schema(), 400: Errors, 404: Errors},
    summary="A campaign by id or slug, with its cases and news on request",
)
@decorate_view(cache_public_response)
def get_campaign(
    request,
    key: Annotated[str, Path(max_length=255, description="Id or slug")],
    locale: Annotated[
        LanguageCode | None,
        Query(
            description="Default: the campaign's own language for an id, the "
            "default language for a slug."
        ),
    ] = None,
    include: str = Query("", max_length=64, description=INCLUDE_DESCRIPTION),
):
    names = parse_include(include)
    public = site_pages(request, CampaignPage)
    found = {
        row["locale__language_code"]: row
        for row in public.filter(**campaign_lookup(key)).values(*FIELDS).order_by("pk")
    }
    if not found:
        raise Http404(NOT_FOUND)
    language = locale or (None if is_id(key.strip()) else default_language())
    # A slug may be the same in several languages: the one asked for, else any
    # of them, which ``resolve`` turns into its translation in ``language``.
    version = found.get(language) or next(iter(found.values()))
    version, meta = resolve(site_pages(request), version, language)
    body = json.loads(detail_json(version, site_pages(request)))
    if meta is not None:
        body["meta"] = meta
    body.update(members(request, version, body["locale"], names))
    return caching.json_response(request, body)

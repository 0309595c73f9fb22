"""``/pages/``: listings of teasers, and whole pages by id or front-end path."""

import json
from typing import Annotated, Literal

from ninja import Path, Query, Router
from ninja.decorators import decorate_view

from django.conf import settings
from django.db.models import Q
from django.http import Http404

from cms.api import caching
from cms.api.campaigns import campaign_ids, in_campaign
from cms.api.conf import get_setting
from cms.api.errors import BadRequest
from cms.api.loading import detail_json, teasers
from cms.api.locales import (
    FIELDS,
    default_language,
    falls_back,
    in_locale,
    mark_untranslated,
    resolve,
)
from cms.api.pagetypes import page_types
from cms.api.paths import page_lookup, parse_frontend_path
from cms.api.responses import cache_public_response
from cms.api.schemas.pages import Errors, PageListing, page_detail_schema
from cms.api.sites import site_pages
from cms.models import CampaignPage

router = Router(tags=["pages"])

PageTypeName = Literal[tuple(page_types())]
LanguageCode = Literal[tuple(code for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES)]
# "date" is the date a teaser shows: a news post's publication, else the first publication.
ORDERS = ("date", "title", "first_published_at", "last_published_at", "id")
Order = Literal[tuple(f"{sign}{name}" for name in ORDERS for sign in ("", "-"))]
PageDetail = page_detail_schema()
# Page ids are 32-bit integers in PostgreSQL: a larger one names no page, and the
# database refuses to compare it. No listing is longer than the offset allows.
MAX_ID = 2**31 - 1
MAX_OFFSET = 1_000_000
NOT_FOUND = "No public page with this id."
LOCALE_DESCRIPTION = (
    "Language code. The page's translation in this language; without one, "
    "a 404 or the page in the default language, as the API is configured."
)


def status_choices():
    return {
        key
        for page_type in page_types().values()
        if page_type.has_status
        for key, _ in page_type.model._meta.get_field("status").choices
    }


def any_type(page_type, field, check, lookup):
    """A condition on the page types that ``check`` accepts, or 400 naming ``field``."""
    types = [page_type] if page_type else list(page_types().values())
    matching = [pt for pt in types if check(pt)]
    if not matching:
        raise BadRequest(field, f"Pages of type '{page_type.name}' have no {field}.")
    condition = Q(pk__in=[])
    for pt in matching:
        condition |= Q(pk__in=pt.model.objects.filter(**lookup(pt)).values("pk"))
    return condition


def ordering(order, page_type):
    descending, name = order.startswith("-"), order.lstrip("-")
    if name == "date":
        name = page_type.date_field if page_type else "first_published_at"
    name = "pk" if name == "id" else name
    sign = "-" if descending else ""
    return [f"{sign}{name}", f"{sign}pk"]


@router.get("/", response={200: PageListing, 400: Errors}, summary="List public pages")
@decorate_view(cache_public_response)
def list_pages(
    request,
    type: PageTypeName | None = None,
    country: str | None = Query(
        None, pattern=r"^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code"
    ),
    status: str | None = None,
    tag: str | None = Query(None, description="Tag slug"),
    campaign: str | None = Query(
        None,
        max_length=255,
        description="Id or slug of a campaign: its cases and news posts, "
        "whichever of the campaign's languages they link to.",
    ),
    locale: Annotated[
        LanguageCode | None,
        Query(
            description="Only pages in this language (and, if the API falls back, "
            "pages without one in the default language)."
        ),
    ] = None,
    child_of: int | None = Query(
        None, ge=1, le=MAX_ID, description="Id of the parent page"
    ),
    order: Order = "-date",
    limit: int = Query(get_setting("DEFAULT_LIMIT"), ge=1, le=get_setting("MAX_LIMIT")),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    page_type = page_types()[type] if type else None
    if page_type:
        queryset = site_pages(request, page_type.model)
    else:
        queryset = site_pages(request).filter(depth__gte=2)
    if country:
        queryset = queryset.filter(
            any_type(
                page_type,
                "country",
                lambda pt: pt.country_lookup,
                lambda pt: {pt.country_lookup: country.upper()},
            )
        )
    if status:
        if status not in status_choices():
            raise BadRequest("status", f"Unknown status '{status}'.")
        queryset = queryset.filter(
            any_type(
                page_type,
                "status",
                lambda pt: pt.has_status,
                lambda pt: {"status": status},
            )
        )
    if tag:
        queryset = queryset.filter(
            any_type(
                page_type, "tag", lambda pt: pt.has_tags, lambda pt: {"tags__slug": tag}
            )
        )
    if campaign:
        types = [page_type] if page_type else list(page_types().values())
        if not any(pt.has_campaigns for pt in types):
            raise BadRequest("campaign", f"Pages of type '{type}' have no campaign.")
        ids = campaign_ids(site_pages(request, CampaignPage), campaign)
        queryset = queryset.filter(in_campaign(types, ids))
    if locale:
        queryset = in_locale(queryset, locale, site_pages(request))
    if child_of is not None:
        parent = site_pages(request).filter(pk=child_of).first()
        if parent is None:
            raise BadRequest("child_of", "No public page with this id.")
        queryset = queryset.child_of(parent)
    total = queryset.count()
    versions = list(
        queryset.order_by(*ordering(order, page_type)).values(*caching.VERSION_FIELDS)[
            offset : offset + limit
        ]
    )
    data = {
        "total": total,
        "limit": limit,
        "offset": offset,
        "items": mark_untranslated(teasers(versions), locale),
    }
    return caching.json_response(request, data)


@router.get(
    "/find/",
    response={200: PageDetail, 400: Errors, 404: Errors},
    summary="Find a public page by its front-end path",
)
@decorate_view(cache_public_response)
def find_page(
    request,
    path: str = Query(..., description="For example /it/cases/erzhan-elshibayev/"),
    locale: Annotated[
        LanguageCode | None, Query(description=LOCALE_DESCRIPTION)
    ] = None,
):
    try:
        language, below_home = parse_frontend_path(path)
    except ValueError as error:
        raise BadRequest("path", str(error)) from error
    public = site_pages(request)
    version = public.filter(**page_lookup(path)).values(*FIELDS).first()
    default = default_language()
    if version is None and language != default and falls_back():
        # A page not yet translated is found at its path in the default language.
        in_default = page_lookup(f"/{default}/{below_home}")
        version = public.filter(**in_default).values(*FIELDS).first()
    if version is None:
        raise Http404("No public page at this path.")
    return page_response(request, *resolve(public, version, locale or language))


@router.get(
    "/{int:id}/",
    response={200: PageDetail, 404: Errors},
    summary="A public page with its body, breadcrumbs and translations",
)
@decorate_view(cache_public_response)
def get_page(
    request,
    id: Annotated[int, Path(ge=1, le=MAX_ID)],
    locale: Annotated[
        LanguageCode | None, Query(description=LOCALE_DESCRIPTION)
    ] = None,
):
    public = site_pages(request)
    version = public.filter(pk=id, depth__gte=2).values(*FIELDS).first()
    if version is None:
        raise Http404(NOT_FOUND)
    return page_response(request, *resolve(public, version, locale))


def page_response(request, version, meta):
    """The page's cached detail, with ``meta`` when it is served untranslated."""
    body = detail_json(version, site_pages(request))
    if meta is not None:
        body = {**json.loads(body), "meta": meta}
    return caching.json_response(request, body)

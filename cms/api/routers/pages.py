"""``/pages/``: listings of teasers, and whole pages by id or front-end path."""

from typing import Annotated, Literal

from ninja import Path, Query, Router
from ninja.decorators import decorate_view

from django.conf import settings
from django.http import Http404

from cms.api import caching, tags
from cms.api.errors import BadRequest
from cms.api.include import DESCRIPTION as INCLUDE_DESCRIPTION
from cms.api.include import included
from cms.api.include import parse as parse_include
from cms.api.listing import DEFAULT_ORDER, page_listing
from cms.api.loading import detail_json
from cms.api.locales import FIELDS, default_language, falls_back, resolve
from cms.api.pagetypes import page_type_for_content_type, page_types
from cms.api.responses import cache_public_response
from cms.api.schemas.pages import Errors, PageListing, page_detail_schema
from cms.api.sites import site_pages
from cms.conf import get_setting
from cms.paths import page_lookup, parse_frontend_path

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
RichTextFormat = Annotated[
    Literal["html", "tree"],
    Query(
        description="How rich text comes: HTML with links resolved, or a typed "
        "tree (paragraphs, headings, lists, links, marked text) for front-ends "
        "that render their own components."
    ),
]
LOCALE_DESCRIPTION = (
    "Language code. The page's translation in this language; without one, "
    "a 404 or the page in the default language, as the API is configured."
)


@router.get(
    "/",
    response={200: PageListing, 400: Errors},
    summary="List public pages",
    url_name="list_pages",
)
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
    case: int | None = Query(
        None, ge=1, le=MAX_ID, description="Id of a case: the news posts naming it"
    ),
    news: int | None = Query(
        None, ge=1, le=MAX_ID, description="Id of a news post: the cases it names"
    ),
    order: Order = DEFAULT_ORDER,
    limit: int = Query(get_setting("DEFAULT_LIMIT"), ge=1, le=get_setting("MAX_LIMIT")),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    filters = {
        "type": type,
        "country": country,
        "status": status,
        "tag": tag,
        "campaign": campaign,
        "locale": locale,
        "child_of": child_of,
        "case": case,
        "news": news,
    }
    data = page_listing(request, filters, order, limit, offset)
    language = locale or caching.languages_of(data["items"])
    return caching.json_response(request, data, language=language)


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
    include: Annotated[
        str | None, Query(description=INCLUDE_DESCRIPTION, max_length=100)
    ] = None,
    format: RichTextFormat = "html",
):
    try:
        language, below_home = parse_frontend_path(path)
    except ValueError as error:
        raise BadRequest("path", str(error)) from error
    public = site_pages(request)
    version = public.filter(**page_lookup(path)).values(*FIELDS).first()
    default = default_language()
    if version is None and language != default and falls_back():
        # A page not yet translated is found at its path in the default language,
        # until any page is published at the path asked for (cms.api.tags).
        tags.add_types(pt.model for pt in page_types().values())
        in_default = page_lookup(f"/{default}/{below_home}")
        version = public.filter(**in_default).values(*FIELDS).first()
    if version is None:
        raise Http404("No public page at this path.")
    return page_response(
        request, *resolve(public, version, locale or language), include, format
    )


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
    include: Annotated[
        str | None, Query(description=INCLUDE_DESCRIPTION, max_length=100)
    ] = None,
    format: RichTextFormat = "html",
):
    public = site_pages(request)
    version = public.filter(pk=id, depth__gte=2).values(*FIELDS).first()
    if version is None:
        raise Http404(NOT_FOUND)
    return page_response(request, *resolve(public, version, locale), include, format)


def page_response(request, version, meta, include=None, rich_text="html"):
    """The page's cached detail (rich text as ``rich_text`` asks), with ``meta``
    when it is served untranslated and the related listings ``include`` names."""
    names = parse_include(include)
    body = detail_json(version, site_pages(request), rich_text)
    added = {}
    if meta is not None:
        added["meta"] = meta
    if names:
        page_type = page_type_for_content_type(version["content_type_id"]).name
        added["included"] = included(request, page_type, version, names)
    if added:
        # The stored detail is a JSON object: its last byte closes it, so the
        # added members go before it, and the detail is not parsed again.
        body = body[:-1] + b"," + caching.dumps(added)[1:]
    return caching.json_response(
        request, body, language=version["locale__language_code"]
    )

"""``/api/v1/search/``: full-text search with facets, and search-as-you-type.

Both endpoints answer from Elasticsearch when ``SEARCH["URL"]`` is set and from
Wagtail's database search otherwise, in the same shape. Only live, public pages
are ever returned: the index holds nothing else, and the database path filters.

Results speak the listings' vocabulary: ``total``, ``items`` of the delivery
API's one teaser (``cms.api.schemas.teasers.PageTeaser``, made by
``cms.api.loading.teasers``) and page types by their API names (``case``).
"""

from elastic_transport import TransportError
from elasticsearch import ApiError
from ninja import Field, Query, Router, Schema
from ninja.decorators import decorate_view

from wagtail.models import Page

from cms.api import caching, tags
from cms.api.errors import BadRequest
from cms.api.loading import teasers
from cms.api.pagetypes import page_type_for_model, page_types
from cms.api.responses import cache_public_response
from cms.api.schemas.pages import Errors
from cms.api.schemas.teasers import PageTeaser

from .backends import get_backend
from .query import InvalidQuery, SearchQuery
from .tasks import INDEX_TAG

router = Router(tags=["search"])


class SearchUnavailable(BadRequest):
    status = 503


class SearchParams(Schema):
    q: str = Field(
        "", max_length=200, description="Words to look for; empty lists all."
    )
    locale: str | None = Field(None, description="Language code, for example 'it'.")
    type: str | None = Field(None, description="Page type, for example 'case'.")
    country: str | None = Field(None, description="ISO 3166-1 code, for example 'UZ'.")
    status: str | None = Field(
        None, description="Case status, for example 'imprisoned'."
    )
    tag: str | None = Field(None, description="A tag, for example 'journalist'.")
    campaign: str | None = Field(
        None,
        max_length=255,
        description="Id or slug of a campaign: its cases and news posts.",
    )
    limit: int = Field(
        10, ge=1, description="Results per page, at most SEARCH['MAX_LIMIT']."
    )
    offset: int = Field(0, ge=0)


class SuggestParams(Schema):
    q: str = Field(..., min_length=1, max_length=100)
    locale: str | None = None
    limit: int = Field(8, ge=1, le=20)


class SearchHit(PageTeaser):
    highlights: dict[str, list[str]] = Field(
        ...,
        description="Matching fragments per field, matches in `<mark>`; Elasticsearch only.",
    )


class FacetBucket(Schema):
    value: str
    count: int


class Facets(Schema):
    type: list[FacetBucket]
    country: list[FacetBucket]
    status: list[FacetBucket]
    tag: list[FacetBucket]


class SearchResponse(Schema):
    total: int
    limit: int
    offset: int
    items: list[SearchHit]
    facets: Facets


class SuggestResponse(Schema):
    items: list[PageTeaser]


def model_label(name):
    """The backends' name of the API page type ``name``, or 400 naming ``type``."""
    page_type = page_types().get(name)
    if page_type is None:
        raise BadRequest(
            "type", f"Unknown type '{name}'. Use one of: {', '.join(page_types())}."
        )
    return page_type.model._meta.label


def type_name(label):
    """The API name of a page model's label (``cms.CasePage`` → ``case``)."""
    from django.apps import apps

    return page_type_for_model(apps.get_model(label)).name


def as_teasers(hits):
    """The hits as the delivery API's teasers, in order, with their highlights."""
    ids = [hit["id"] for hit in hits]
    versions = {
        v["pk"]: v
        for v in Page.objects.filter(pk__in=ids).values(*caching.VERSION_FIELDS)
    }
    made = teasers([versions[pk] for pk in ids if pk in versions])
    highlights = {hit["id"]: hit.get("highlights", {}) for hit in hits}
    return [{**item, "highlights": highlights[item["id"]]} for item in made]


def answered(request, data, locale):
    """The JSON of ``data`` as produced (a teaser's ``meta`` only where it applies),
    naming the language of the pages it holds, shared through the response cache.

    Tagged with the teasers it holds, every page type it could hold and the
    index, which each write to it renews (``search.tasks``).
    """
    tags.add(INDEX_TAG)
    return caching.shared_response(
        request,
        caching.dumps(data),
        language=locale or caching.languages_of(data["items"]),
    )


def add_type_tags(name=None):
    chosen = [page_types()[name]] if name in page_types() else page_types().values()
    tags.add_types(page_type.model for page_type in chosen)


def answer(call):
    try:
        return call()
    except InvalidQuery as error:
        raise BadRequest(error.field, error.message) from error
    except (TransportError, ApiError) as error:
        raise SearchUnavailable(
            None, "Search is unavailable; try again shortly."
        ) from error


@router.get(
    "/",
    response={200: SearchResponse, 400: Errors, 503: Errors},
    summary="Search published pages",
)
@decorate_view(cache_public_response)
def search(request, params: Query[SearchParams]):
    values = params.dict()
    add_type_tags(values["type"])
    if values["type"]:
        values["type"] = model_label(values["type"])
    query = SearchQuery(**values)
    result = answer(lambda: get_backend().search(query.clean()))
    items = as_teasers(result["results"])
    facets = {
        **result["facets"],
        "type": [
            {**bucket, "value": type_name(bucket["value"])}
            for bucket in result["facets"]["type"]
        ],
    }
    data = {
        "total": result["count"],
        "limit": query.limit,
        "offset": query.offset,
        "items": items,
        "facets": facets,
    }
    return answered(request, data, (query.locale or "").lower() or None)


@router.get(
    "/suggest/",
    response={200: SuggestResponse, 400: Errors, 503: Errors},
    summary="Titles and names as you type",
)
@decorate_view(cache_public_response)
def suggest(request, params: Query[SuggestParams]):
    add_type_tags()
    query = SearchQuery(q=params.q, locale=params.locale, limit=params.limit)

    def run():
        cleaned = query.clean()
        return get_backend().suggest(cleaned.q, cleaned.locale, cleaned.limit)

    items = [
        {k: v for k, v in item.items() if k != "highlights"}
        for item in as_teasers(answer(run))
    ]
    return answered(request, {"items": items}, (query.locale or "").lower() or None)


def register_api():
    from cms.api.registry import register_router

    register_router("/search/", router)

"""``/api/v1/search/``: full-text search with facets, and search-as-you-type.

Both endpoints answer from Elasticsearch when ``SEARCH["URL"]`` is set and from
Wagtail's database search otherwise, in the same shape. Only live, public pages
are ever returned: the index holds nothing else, and the database path filters.
"""

from elastic_transport import TransportError
from elasticsearch import ApiError
from ninja import Field, Query, Router, Schema

from cms.api.errors import BadRequest
from cms.api.schemas.pages import Errors

from .backends import get_backend
from .query import InvalidQuery, SearchQuery

router = Router(tags=["search"])


class SearchUnavailable(BadRequest):
    status = 503


class SearchParams(Schema):
    q: str = Field(
        "", max_length=200, description="Words to look for; empty lists all."
    )
    locale: str | None = Field(None, description="Language code, for example 'it'.")
    type: str | None = Field(None, description="Page type, for example 'cms.CasePage'.")
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


class SearchHit(Schema):
    id: int
    type: str = Field(
        ..., description="App label and model, for example 'cms.CasePage'."
    )
    title: str
    summary: str
    url: str | None = Field(
        ..., description="Front-end path, for example '/en/cases/x/'."
    )
    locale: str
    highlights: dict[str, list[str]] = Field(
        ...,
        description="Matching fragments per field, matches in <mark>; Elasticsearch only.",
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
    count: int
    limit: int
    offset: int
    results: list[SearchHit]
    facets: Facets


class Suggestion(Schema):
    id: int
    type: str
    title: str
    url: str | None
    locale: str


class SuggestResponse(Schema):
    results: list[Suggestion]


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
def search(request, params: Query[SearchParams]):
    query = SearchQuery(**params.dict())
    result = answer(lambda: get_backend().search(query.clean()))
    return {"limit": query.limit, "offset": query.offset, **result}


@router.get(
    "/suggest/",
    response={200: SuggestResponse, 400: Errors, 503: Errors},
    summary="Titles and names as you type",
)
def suggest(request, params: Query[SuggestParams]):
    query = SearchQuery(q=params.q, locale=params.locale, limit=params.limit)

    def run():
        cleaned = query.clean()
        return {
            "results": get_backend().suggest(cleaned.q, cleaned.locale, cleaned.limit)
        }

    return answer(run)


def register_api():
    from cms.api.registry import register_router

    register_router("/search/", router)

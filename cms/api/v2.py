"""Wagtail's stock API v2, mounted beside ours: pages and images, as Wagtail ships
them, except that

- pages are those a visitor may read (``cms.visibility``), for every caller, and
  images only those such pages show; a field pointing at another page shows it
  only if a visitor may read it (``cms.api.v2_fields``);
- bad input answers a JSON 400 naming the parameter, never a 500: a NUL
  character, a number too large for the database, a search operator other than
  ``and``/``or``, a parameter it does not know (on a detail as on a listing);
  a search is handed to the search backend as plain words, so a
  quote or another query-language character in it is only text;
- no answer that may depend on a session is stored by a shared cache.
"""

import re

from django.conf import settings
from django.db import DataError
from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from cms.api.guards import NUL, NUL_MESSAGE, search_words
from cms.api.routers.pages import MAX_ID, MAX_OFFSET
from cms.api.sites import request_site
from cms.api.v2_fields import VisiblePageSerializer
from cms.visibility import visible_images, visible_pages

# Parameters v2 reads as numbers; the page's or image's id in the path is one too.
NUMBERS = {"offset": MAX_OFFSET, "limit": MAX_ID, "pk": MAX_ID}
IDS = ("id", "child_of", "ancestor_of", "descendant_of", "translation_of")
DIGITS = re.compile(r"^\+?\d+$")
OPERATORS = ("and", "or")


class SessionAnswersMixin:
    """Mark answers that a session can change: ``private``, and varying on Cookie.

    v2 answers every caller as a visitor (``cms.visibility``), but Wagtail's
    views and any page field may still read the session: an answer to a request
    with a session cookie must never be stored by a CDN and handed to someone
    else.
    """

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ("Cookie",))
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            patch_cache_control(response, private=True)
        return response


def refuse_bad_input(request, kwargs):
    """Raise BadRequestError naming the first parameter v2 cannot act on."""
    for name, values in request.GET.lists():
        if NUL in name or any(NUL in value for value in values):
            raise BadRequestError(f"{name.replace(NUL, '')}: {NUL_MESSAGE}")
    operator = request.GET.get("search_operator")
    if operator is not None and operator not in OPERATORS:
        raise BadRequestError("search_operator must be 'and' or 'or'")
    numbers = {**dict.fromkeys(IDS, MAX_ID), **NUMBERS}
    given = {**request.GET.dict(), **kwargs}
    if "id" in given and not DIGITS.match(given["id"]):
        raise BadRequestError("id must be a positive integer")
    for name, largest in numbers.items():
        value = str(given.get(name, ""))
        if DIGITS.match(value) and int(value) > largest:
            raise BadRequestError(f"{name} must be at most {largest}")


class GuardedViewSet:
    """Checks before Wagtail's view reads the request, and a 400 for numbers
    that the database refuses after all (a field filter on a number)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        refuse_bad_input(request, kwargs)

    def detail_view(self, request, pk):
        # Wagtail checks parameters on listings only; a detail ignored a typo.
        self.check_query_parameters(self.get_queryset())
        return super().detail_view(request, pk)

    def handle_exception(self, exc):
        if isinstance(exc, OverflowError | DataError):
            exc = BadRequestError("a number in the query is too large")
        return super().handle_exception(exc)


class PlainWordsSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, with the text reduced to its words.

    The database backends put each term in their own query language (SQLite's
    FTS5 quotes terms, so a quote ends the string early); words alone never
    change the query's meaning.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if not getattr(settings, "WAGTAILAPI_SEARCH_ENABLED", True):
            raise BadRequestError("search is disabled")
        if getattr(queryset, "_filtered_by_tag", False):
            raise BadRequestError(
                "filtering by tag with a search query is not supported"
            )
        words = search_words(request.GET["search"])
        if not words:
            return queryset.none()
        # The backend reads a queryset's conditions itself, and cannot read the
        # visibility subqueries: it searches the same pages by their ids.
        candidates = queryset.model.objects.filter(
            pk__in=queryset.values("pk")
        ).order_by(*queryset.query.order_by)
        return get_search_backend().search(
            words,
            candidates,
            operator=request.GET.get("search_operator"),
            order_by_relevance="order" not in request.GET,
        )


def with_plain_search(filter_backends):
    return [
        PlainWordsSearchFilter if backend is SearchFilter else backend
        for backend in filter_backends
    ]


class VisiblePagesAPIViewSet(SessionAnswersMixin, GuardedViewSet, PagesAPIViewSet):
    base_serializer_class = VisiblePageSerializer
    filter_backends = with_plain_search(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        site = request_site(self.request._request)
        return Page.objects.none() if site is None else visible_pages(site=site)


class PublicImagesAPIViewSet(SessionAnswersMixin, GuardedViewSet, ImagesAPIViewSet):
    """Images that the stored content of visible pages refers to.

    Wagtail lists the whole library, so an image uploaded for a draft or a
    private page would be listed before the page is public. Wagtail's reference
    index records what each page's stored (live) content refers to.
    """

    filter_backends = with_plain_search(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        site = request_site(self.request._request)
        if site is None:
            return super().get_queryset().none()
        return super().get_queryset().filter(pk__in=visible_images(site).values("pk"))


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", VisiblePagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)

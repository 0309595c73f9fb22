"""``/countries/``: each country with its latest public cases and news."""

from collections import defaultdict
from typing import Annotated

from ninja import Query, Router
from ninja.decorators import decorate_view

from django.db.models import F, Window
from django.db.models.functions import RowNumber
from django.http import Http404

from cms.api import caching
from cms.api.loading import teasers
from cms.api.locales import (
    default_language,
    falls_back,
    in_locale,
    mark_untranslated,
    untranslated,
)
from cms.api.responses import cache_public_response
from cms.api.routers.pages import LanguageCode
from cms.api.schemas.pages import CountryListing, CountryWithLatest, Errors
from cms.api.sites import site_pages
from cms.conf import get_setting
from cms.models import CasePage, CountryPage, NewsPage
from cms.paths import page_path

router = Router(tags=["countries"])


def latest_versions(queryset, partition, order):
    """VERSION_FIELDS of the latest pages of ``queryset`` per ``partition``."""
    per_country = get_setting("LATEST_PER_COUNTRY")
    rows = (
        queryset.annotate(
            for_country=F(partition),
            rank=Window(
                RowNumber(), partition_by=F(partition), order_by=[order, "-pk"]
            ),
        )
        .filter(rank__lte=per_country)
        .order_by("for_country", "rank")
        .values("for_country", *caching.VERSION_FIELDS)
    )
    grouped = defaultdict(list)
    for row in rows:
        grouped[row.pop("for_country")].append(row)
    return grouped


def with_latest(request, countries):
    """The countries as JSON, each with its latest cases and news posts."""
    ids = [country.pk for country in countries]
    cases = latest_versions(
        site_pages(request, CasePage).filter(country__in=ids),
        "country_id",
        "-first_published_at",
    )
    news = latest_versions(
        site_pages(request, NewsPage).filter(countries__in=ids),
        "countries",
        "-published_at",
    )
    # One batch of teasers for every country, so the query count stays flat.
    every = [v for rows in (*cases.values(), *news.values()) for v in rows]
    by_pk = {teaser["id"]: teaser for teaser in teasers(every)}
    return [
        {
            "id": country.pk,
            "iso": country.iso_code,
            "name": country.title,
            "path": page_path(country),
            "locale": country.locale.language_code,
            "summary": country.summary,
            "cases": [by_pk[v["pk"]] for v in cases.get(country.pk, [])],
            "news": [by_pk[v["pk"]] for v in news.get(country.pk, [])],
        }
        for country in countries
    ]


def countries_in(request, locale):
    queryset = site_pages(request, CountryPage).select_related("locale")
    if locale:
        queryset = in_locale(queryset, locale, site_pages(request))
    return queryset


@router.get("/", response={200: CountryListing, 400: Errors}, summary="Countries")
@decorate_view(cache_public_response)
def list_countries(
    request,
    locale: Annotated[
        LanguageCode | None,
        Query(
            description="Only countries in this language (and, if the API falls "
            "back, countries without one in the default language)."
        ),
    ] = None,
):
    countries = list(countries_in(request, locale).order_by("title", "pk"))
    items = mark_untranslated(with_latest(request, countries), locale)
    language = locale or caching.languages_of(items)
    return caching.json_response(request, {"items": items}, language=language)


@router.get(
    "/{iso}/",
    response={200: CountryWithLatest, 400: Errors, 404: Errors},
    summary="One country",
)
@decorate_view(cache_public_response)
def get_country(
    request,
    iso: str,
    locale: Annotated[
        LanguageCode | None,
        Query(
            description="Default: the default language. Without a translation in "
            "it, a 404 or the country in the default language, as the API is "
            "configured."
        ),
    ] = None,
):
    language = locale or default_language()
    found = {
        country.locale.language_code: country
        for country in site_pages(request, CountryPage)
        .filter(iso_code=iso.upper())
        .select_related("locale")
    }
    country = found.get(language)
    if country is None and found and falls_back():
        country = found.get(default_language())
    if country is None:
        raise Http404(f"No public country page with this ISO code in '{language}'.")
    data = with_latest(request, [country])[0]
    if country.locale.language_code != language:
        data["meta"] = untranslated(language, country.locale.language_code)
    return caching.json_response(request, data, language=country.locale.language_code)

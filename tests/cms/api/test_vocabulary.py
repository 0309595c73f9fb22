"""One vocabulary: the same teaser everywhere, in the page's language, newest first
by the date it shows, and headers that name the language served."""

import datetime

import pytest

from django.utils import timezone

from wagtail.models import Locale

from cms.api.pagetypes import page_types
from cms.api.schemas.teasers import PageTeaser
from tests.factories import CasePageFactory, CountryPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def translate(page, language):
    locale = Locale.objects.get_or_create(language_code=language)[0]
    translation = page.copy_for_translation(locale, copy_parents=True)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation


def test_page_types_read_the_teaser_declaration():
    case, news, country = (page_types()[name] for name in ("case", "news", "country"))
    assert (case.summary_field, case.image_field, case.country_field) == (
        "summary",
        "photo",
        "country",
    )
    assert (news.date_field, news.country_field, news.country_many) == (
        "published_at",
        "countries",
        True,
    )
    assert country.country_field is None
    assert page_types()["case_index"].summary_field == "intro"


def test_every_route_answers_the_one_teaser(client):
    country = CountryPageFactory(iso_code="KZ", slug="kazakhstan")
    case = CasePageFactory(country=country)
    news = NewsPageFactory()
    news.countries.set([country])
    news.save_revision().publish()
    fields = set(PageTeaser.model_fields) - {"meta"}

    listed = client.get("/api/v1/pages/").json()["items"]
    assert {frozenset(item) for item in listed} == {frozenset(fields)}
    by_id = {item["id"]: item for item in listed}
    latest = client.get("/api/v1/countries/KZ/").json()
    assert latest["cases"] == [by_id[case.pk]]
    assert latest["news"] == [by_id[news.pk]]
    detail = client.get(f"/api/v1/pages/{case.pk}/").json()
    assert {name: detail[name] for name in fields} == by_id[case.pk]
    assert by_id[case.pk]["type"] == "case"
    assert by_id[news.pk]["type"] == "news"

    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    teaser = schema["PageTeaser"]["properties"]
    assert set(teaser) == set(PageTeaser.model_fields)
    listing = schema["PageListing"]["properties"]["items"]["items"]["$ref"]
    assert listing.endswith("/PageTeaser")


def test_newest_first_sorts_a_mix_of_types_by_the_date_shown(client):
    now = timezone.now()
    old_case = CasePageFactory(title="Old case")
    new_case = CasePageFactory(title="New case")
    # Published (first_published_at) last of all, but dated a year back.
    backdated = NewsPageFactory(
        title="Backdated news", published_at=now - datetime.timedelta(days=365)
    )
    fresh = NewsPageFactory(
        title="Fresh news", published_at=now + datetime.timedelta(days=1)
    )
    for page, days in ((old_case, 30), (new_case, 1)):
        page.first_published_at = now - datetime.timedelta(days=days)
        page.save(update_fields=["first_published_at"])

    items = client.get("/api/v1/pages/?limit=100").json()["items"]
    mine = [
        i["title"]
        for i in items
        if i["id"] in {p.pk for p in (old_case, new_case, backdated, fresh)}
    ]
    assert mine == ["Fresh news", "New case", "Old case", "Backdated news"]
    dates = [item["date"] for item in items if item["date"]]
    assert dates == sorted(dates, reverse=True)
    oldest = client.get("/api/v1/pages/?order=date&limit=100").json()["items"]
    dated = [item["id"] for item in items if item["date"]]
    assert [item["id"] for item in oldest if item["date"]] == dated[::-1]


def test_references_answer_in_the_pages_language(client):
    country = CountryPageFactory(title="Kazakhstan", iso_code="KZ", slug="kazakhstan")
    case = CasePageFactory(country=country, slug="erzhan")
    case.save_revision().publish()
    news = NewsPageFactory(slug="letter")
    news.countries.set([country])
    news.related_cases.set([case])
    news.save_revision().publish()
    # Translated before its country was: they still point at the English pages.
    italian_case = translate(case, "it")
    italian_news = translate(news, "it")
    assert italian_case.country_id == country.pk
    italian_country = translate(country, "it")

    detail = client.get(f"/api/v1/pages/{italian_case.pk}/").json()
    assert detail["country"]["id"] == italian_country.pk
    assert detail["country"]["path"] == "/it/countries/kazakhstan/"
    assert [c["id"] for c in detail["countries"]] == [italian_country.pk]
    news_detail = client.get(f"/api/v1/pages/{italian_news.pk}/").json()
    assert [c["id"] for c in news_detail["countries"]] == [italian_country.pk]
    assert [c["id"] for c in news_detail["related_cases"]] == [italian_case.pk]
    listed = client.get("/api/v1/pages/?locale=it&type=case").json()["items"]
    assert [c["locale"] for c in listed[0]["countries"]] == ["it"]
    # The English page keeps its own.
    english = client.get(f"/api/v1/pages/{case.pk}/").json()
    assert english["country"]["id"] == country.pk


def test_every_answer_names_the_language_it_serves(client):
    country = CountryPageFactory(title="Kazakhstan", iso_code="KZ", slug="kazakhstan")
    case = CasePageFactory(country=country, slug="erzhan")
    chinese = translate(case, "zh-hant")
    translate(country, "zh-hant")

    urls = {
        f"/api/v1/pages/{chinese.pk}/": "zh-hant",
        "/api/v1/pages/find/?path=/zh-hant/cases/erzhan/": "zh-hant",
        f"/api/v1/pages/{case.pk}/?locale=zh-hant": "zh-hant",
        f"/api/v1/pages/{case.pk}/": "en",
        "/api/v1/pages/?locale=zh-hant": "zh-hant",
        "/api/v1/pages/?type=case": "en, zh-hant",
        "/api/v1/countries/KZ/?locale=zh-hant": "zh-hant",
        "/api/v1/countries/?locale=zh-hant": "zh-hant",
    }
    for url, language in urls.items():
        for attempt in ("cold", "cached"):
            response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
            assert response.status_code == 200, url
            assert response["Content-Language"] == language, (url, attempt)
            assert "Accept-Language" in response["Vary"], (url, attempt)
        etag = response["ETag"]
        revalidated = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert revalidated.status_code == 304
        assert revalidated["Content-Language"] == language
        assert "Accept-Language" in revalidated["Vary"]

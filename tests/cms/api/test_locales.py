"""Pages asked for in a locale: their translation, a 404 or a marked fallback.

Translations are made with Wagtail's own ``copy_for_translation``, so these tests
run without the translation plugin too.
"""

import pytest

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from wagtail.models import Locale

from cms.api.locales import falls_back
from tests.factories import CasePageFactory


def use_fallback(settings):
    settings.CASEBOOK_API = {"MISSING_TRANSLATION": "fallback"}
    # Responses cached under the other setting would still be served.
    cache.clear()


@pytest.fixture
def italian(db):
    return Locale.objects.create(language_code="it")


def translate(page, locale, publish=True):
    translation = page.copy_for_translation(locale, copy_parents=True)
    revision = translation.save_revision()
    if publish:
        revision.publish()
    return translation


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


def get(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, response.content
    return response.json()


@pytest.mark.django_db
def test_a_page_in_a_locale_is_its_translation(client, case_page, italian):
    translation = translate(case_page, italian)
    detail = get(client, f"/api/v1/pages/{case_page.pk}/?locale=it")
    assert (detail["id"], detail["locale"]) == (translation.pk, "it")
    assert "meta" not in detail
    assert [(t["id"], t["locale"]) for t in detail["translations"]] == [
        (case_page.pk, "en")
    ]
    back = get(client, f"/api/v1/pages/{translation.pk}/?locale=en")
    assert back["id"] == case_page.pk
    assert [(t["id"], t["locale"]) for t in back["translations"]] == [
        (translation.pk, "it")
    ]
    assert get(client, f"/api/v1/pages/{case_page.pk}/?locale=en")["id"] == (
        case_page.pk
    )
    found = get(
        client, "/api/v1/pages/find/?path=/en/cases/erzhan-elshibayev/&locale=it"
    )
    assert found["id"] == translation.pk


@pytest.mark.django_db
def test_countries_in_a_locale(client, case_page, country, italian):
    italian_country = translate(country, italian)
    assert get(client, "/api/v1/countries/KZ/?locale=it")["id"] == italian_country.pk
    assert get(client, "/api/v1/countries/KZ/")["id"] == country.pk
    assert [c["id"] for c in get(client, "/api/v1/countries/?locale=it")["items"]] == [
        italian_country.pk
    ]
    assert [c["id"] for c in get(client, "/api/v1/countries/?locale=en")["items"]] == [
        country.pk
    ]


@pytest.mark.django_db
def test_missing_translation_answers_404_by_default(client, case_page, italian):
    translate(case_page, italian)
    for url in (
        f"/api/v1/pages/{case_page.pk}/?locale=ru",
        "/api/v1/pages/find/?path=/ru/cases/erzhan-elshibayev/",
        "/api/v1/pages/find/?path=/en/cases/erzhan-elshibayev/&locale=ru",
        "/api/v1/countries/KZ/?locale=it",
    ):
        body = get(client, url, status=404)
        assert body["errors"][0]["message"], url
    assert ids(client.get("/api/v1/pages/?type=case&locale=ru")) == []
    assert ids(client.get("/api/v1/countries/?locale=it")) == []


@pytest.mark.django_db
def test_missing_translation_falls_back_to_the_default_locale(
    client, settings, case_page, country, italian
):
    use_fallback(settings)
    translation = translate(case_page, italian)
    untranslated = {"untranslated": True, "requested_locale": "ru", "locale": "en"}

    detail = get(client, f"/api/v1/pages/{translation.pk}/?locale=ru")
    assert (detail["id"], detail["meta"]) == (case_page.pk, untranslated)
    found = get(client, "/api/v1/pages/find/?path=/ru/cases/erzhan-elshibayev/")
    assert (found["id"], found["meta"]) == (case_page.pk, untranslated)
    # A translation that exists is served as such, unmarked.
    assert "meta" not in get(client, f"/api/v1/pages/{case_page.pk}/?locale=it")

    italian_country = get(client, "/api/v1/countries/KZ/?locale=it")
    assert italian_country["id"] == country.pk
    assert italian_country["meta"] == {**untranslated, "requested_locale": "it"}
    listed = get(client, "/api/v1/countries/?locale=it")["items"]
    assert [(c["id"], c["meta"]["locale"]) for c in listed] == [(country.pk, "en")]


@pytest.mark.django_db
def test_listing_falls_back_page_by_page(client, settings, case_page, italian):
    english_only = CasePageFactory(title="Zhanna Baitelova", country=case_page.country)
    translation = translate(case_page, italian)
    listing = "/api/v1/pages/?type=case&locale=it&order=title"
    assert ids(client.get(listing)) == [translation.pk]

    use_fallback(settings)
    items = get(client, listing)["items"]
    assert [(item["id"], item.get("meta")) for item in items] == [
        (translation.pk, None),
        (
            english_only.pk,
            {"untranslated": True, "requested_locale": "it", "locale": "en"},
        ),
    ]


@pytest.mark.django_db
def test_a_draft_translation_is_never_served(client, settings, case_page, italian):
    draft = translate(case_page, italian, publish=False)
    get(client, f"/api/v1/pages/{case_page.pk}/?locale=it", status=404)

    use_fallback(settings)
    detail = get(client, f"/api/v1/pages/{case_page.pk}/?locale=it")
    assert detail["id"] == case_page.pk
    assert detail["meta"]["requested_locale"] == "it"

    draft.save_revision().publish()  # renews the generation of cached responses
    detail = get(client, f"/api/v1/pages/{case_page.pk}/?locale=it")
    assert (detail["id"], detail.get("meta")) == (draft.pk, None)


def test_unknown_setting_is_refused(settings):
    settings.CASEBOOK_API = {"MISSING_TRANSLATION": "english"}
    with pytest.raises(ImproperlyConfigured, match="MISSING_TRANSLATION"):
        falls_back()


@pytest.mark.django_db
def test_meta_is_typed(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    assert set(schemas["Untranslated"]["properties"]) == {
        "untranslated",
        "requested_locale",
        "locale",
    }
    assert "meta" in schemas["CasePageDetail"]["properties"]
    assert "meta" in schemas["CountryWithLatest"]["properties"]

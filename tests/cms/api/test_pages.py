import pytest

from wagtail.models import Locale

from cms.models import CaseStatus
from tests.factories import CasePageFactory, CountryPageFactory, NewsPageFactory


def ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["items"]]


@pytest.mark.django_db
def test_listing_filters(client, case_page, news_page, country):
    other = CountryPageFactory(title="Uzbekistan", iso_code="UZ", slug="uzbekistan")
    released = CasePageFactory(country=other, status=CaseStatus.RELEASED)
    released.tags.add("journalist")
    released.save()
    assert ids(client.get("/api/v1/pages/?type=case&order=title")) == sorted(
        [case_page.pk, released.pk],
        key=lambda pk: "Erzhan" if pk == case_page.pk else released.title,
    )
    assert set(ids(client.get("/api/v1/pages/?country=kz"))) == {
        country.pk,
        case_page.pk,
        news_page.pk,
    }
    assert ids(client.get("/api/v1/pages/?type=case&country=UZ")) == [released.pk]
    assert ids(client.get("/api/v1/pages/?status=released")) == [released.pk]
    assert ids(client.get("/api/v1/pages/?tag=journalist")) == [released.pk]
    assert ids(
        client.get(f"/api/v1/pages/?child_of={case_page.get_parent().pk}&order=id")
    ) == [case_page.pk, released.pk]
    assert ids(client.get("/api/v1/pages/?locale=it")) == []


@pytest.mark.django_db
def test_listing_paginates_with_a_total(client, country):
    CasePageFactory.create_batch(5, country=country)
    body = client.get("/api/v1/pages/?type=case&limit=2&offset=4").json()
    assert (body["total"], body["limit"], body["offset"], len(body["items"])) == (
        5,
        2,
        4,
        1,
    )


@pytest.mark.django_db
def test_teaser_fields(client, case_page):
    item = client.get("/api/v1/pages/?type=case").json()["items"][0]
    assert item["path"] == "/en/cases/erzhan-elshibayev/"
    assert item["type"] == "case"
    assert item["countries"] == [
        {
            "id": case_page.country.pk,
            "iso": "KZ",
            "name": "Kazakhstan",
            "path": "/en/countries/kazakhstan/",
            "locale": "en",
        }
    ]
    assert item["status"] == "imprisoned"
    assert set(item["image"]["renditions"]) == {"thumbnail", "medium", "large"}


@pytest.mark.django_db
def test_detail_by_path_has_breadcrumbs_and_translations(client, case_page):
    italian = Locale.objects.create(language_code="it")
    translation = case_page.copy_for_translation(italian, copy_parents=True)
    translation.save_revision().publish()
    detail = client.get("/api/v1/pages/find/?path=/it/cases/erzhan-elshibayev/").json()
    assert detail["id"] == translation.pk
    assert detail["locale"] == "it"
    assert [crumb["path"] for crumb in detail["breadcrumbs"]] == ["/it/", "/it/cases/"]
    assert detail["translations"] == [
        {
            "id": case_page.pk,
            "title": case_page.title,
            "locale": "en",
            "path": "/en/cases/erzhan-elshibayev/",
        }
    ]


@pytest.mark.django_db
def test_countries_carry_their_latest_cases_and_news(
    client, case_page, news_page, settings
):
    settings.CASEBOOK_API = {"LATEST_PER_COUNTRY": 2}
    CasePageFactory.create_batch(3, country=case_page.country)
    NewsPageFactory()  # about no country
    country = client.get("/api/v1/countries/KZ/").json()
    assert country["iso"] == "KZ"
    assert len(country["cases"]) == 2
    assert [news["id"] for news in country["news"]] == [news_page.pk]
    listing = client.get("/api/v1/countries/").json()
    assert [c["iso"] for c in listing["items"]] == ["KZ"]

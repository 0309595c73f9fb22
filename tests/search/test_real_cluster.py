"""Tier 3: against a real cluster at ELASTICSEARCH_URL; skipped when it is not set."""

import pytest

from django.core.management import call_command

from wagtail.models import Locale

from search.documents import index_alias
from tests.factories import CasePageFactory, NewsPageFactory

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


@pytest.fixture
def publish(django_capture_on_commit_callbacks, real_es):
    def publish(*pages):
        with django_capture_on_commit_callbacks(execute=True):
            for page in pages:
                page.save_revision().publish()
        real_es.indices.refresh(index=f"{index_alias('')}*")

    return publish


def test_publish_search_highlight_and_suggest(client, home_page, publish):
    case = CasePageFactory(
        title="Free Azimjan Askarov",
        person_name="Azimjan Askarov",
        summary="A journalist serving a life sentence in prison.",
    )
    NewsPageFactory(title="Prisons in Central Asia", summary="Reports from prisons.")
    publish(case)

    response = client.get("/api/v1/search/", {"q": "journalists", "locale": "en"})
    assert response.status_code == 200
    body = response.json()
    assert [hit["id"] for hit in body["items"]] == [case.pk]  # english stemming
    assert "<mark>journalist</mark>" in body["items"][0]["highlights"]["summary"][0]
    assert body["facets"]["type"] == [{"value": "case", "count": 1}]

    suggest = client.get("/api/v1/search/suggest/", {"q": "azimjan as"}).json()
    assert [hit["id"] for hit in suggest["items"]] == [case.pk]


def test_italian_and_russian_are_stemmed(client, home_page, publish):
    source = CasePageFactory(title="Case")
    pages = []
    for code, summary in [
        ("it", "I prigionieri politici"),
        ("ru", "Он пишет из тюрьмы"),
    ]:
        page = source.copy_for_translation(
            Locale.objects.create(language_code=code), copy_parents=True
        )
        page.summary = summary
        pages.append(page)
    publish(*pages)

    italian = client.get("/api/v1/search/", {"q": "prigioniero", "locale": "it"}).json()
    assert [hit["id"] for hit in italian["items"]] == [pages[0].pk]
    russian = client.get("/api/v1/search/", {"q": "тюрьма", "locale": "ru"}).json()
    assert [hit["id"] for hit in russian["items"]] == [pages[1].pk]


def test_rebuild_swaps_the_alias_and_check_finds_no_drift(home_page, real_es, publish):
    CasePageFactory(title="One")
    call_command("search_index", "--rebuild", "--locale", "en")
    first = set(real_es.indices.get_alias(name=index_alias("en")))
    call_command("search_index", "--rebuild", "--locale", "en")
    second = set(real_es.indices.get_alias(name=index_alias("en")))
    assert len(second) == 1 and second != first
    assert not real_es.indices.exists(index=",".join(first))
    call_command("search_index", "--check", "--locale", "en")  # raises on drift

"""Search asks ``cms.visibility`` what a visitor may read, on both backends."""

import pytest

from django.db.models import Q

from cms import visibility
from cms.models import CasePage
from search.backends.elasticsearch.indexing import pages_for_locale, stored_page
from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden(monkeypatch):
    """Two cases; ``cms.visibility`` alone counts the first as restricted."""
    case, other = CasePageFactory(), CasePageFactory()
    known = visibility.restricted
    monkeypatch.setattr(visibility, "restricted", lambda: known() | Q(pk=case.pk))
    return case, other


def test_the_database_search_asks_cms_visibility(client, hidden):
    case, other = hidden
    found = [hit["id"] for hit in client.get("/api/v1/search/").json()["items"]]
    assert other.pk in found
    assert case.pk not in found


def test_indexing_asks_cms_visibility(hidden):
    case, other = hidden
    indexed = [page.pk for page in pages_for_locale("en")]
    assert other.pk in indexed
    assert case.pk not in indexed
    assert stored_page(CasePage, case.pk) is None
    assert stored_page(CasePage, other.pk) == other

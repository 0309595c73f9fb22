from wagtail.search import index

from cms.models import CountryPage
from search.checks import check_field_clashes


def test_declared_fields_do_not_clash():
    assert check_field_clashes() == []


def test_a_name_with_two_meanings_is_reported(monkeypatch):
    # CasePage declares 'status' as a filter (keyword); here CountryPage makes it text.
    fields = [*CountryPage.search_fields, index.SearchField("status")]
    monkeypatch.setattr(CountryPage, "search_fields", fields)
    (warning,) = check_field_clashes()
    assert warning.id == "search.W001"
    assert (
        "'status' is a Text on cms.CountryPage but a Keyword on cms.CasePage"
        in warning.msg
    )

import pytest

from tests.factories import CasePageFactory, CountryPageFactory


@pytest.mark.django_db
def test_case_page_under_country_lists():
    country = CountryPageFactory()
    case = CasePageFactory(country=country)
    assert list(country.get_cases()) == [case]

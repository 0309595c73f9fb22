"""A translated page links to pages in its own language where they exist."""

import pytest

from wagtail.models import Locale

from tests.factories import CasePageFactory, CountryPageFactory, NewsPageFactory


@pytest.fixture
def italian(home_page):
    locale = Locale.objects.create(language_code="it")
    home_page.copy_for_translation(locale, copy_parents=True)
    return locale


def translate(page, locale):
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.save_revision().publish()
    return copy.specific_class.objects.get(pk=copy.pk)


@pytest.mark.django_db
def test_a_translated_case_points_at_its_languages_country(italian):
    country = CountryPageFactory(iso_code="KZ", title="Kazakhstan")
    case = CasePageFactory(country=country)
    italian_country = translate(country, italian)

    italian_case = translate(case, italian)

    assert italian_case.country == italian_country
    case.refresh_from_db()
    assert case.country == country  # the source keeps its own


@pytest.mark.django_db
def test_a_reference_without_a_translation_stays_as_it_is(italian):
    country = CountryPageFactory(iso_code="KG", title="Kyrgyzstan")
    italian_case = translate(CasePageFactory(country=country), italian)
    assert italian_case.country == country


@pytest.mark.django_db
def test_a_translated_news_post_points_at_its_languages_pages(italian):
    uzbekistan = CountryPageFactory(iso_code="UZ")
    kazakhstan = CountryPageFactory(iso_code="KZ", title="Kazakhstan")
    case = CasePageFactory(country=uzbekistan)
    news = NewsPageFactory()
    news.countries.set([uzbekistan, kazakhstan])
    news.related_cases.set([case])
    news.save_revision().publish()
    italian_uzbekistan = translate(uzbekistan, italian)
    italian_case = translate(case, italian)

    italian_news = translate(news, italian)

    assert set(italian_news.countries.all()) == {italian_uzbekistan, kazakhstan}
    assert list(italian_news.related_cases.all()) == [italian_case]

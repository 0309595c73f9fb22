"""Page types: where they may go and what they refuse."""

import datetime

import pytest

from django.core.exceptions import ValidationError

from wagtail.models import Locale, Page, PageViewRestriction

from cms.blocks import CaseStreamBlock
from cms.models import (
    CaseIndexPage,
    CasePage,
    CountryIndexPage,
    CountryPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
)
from tests.factories import (
    CaseIndexPageFactory,
    CasePageFactory,
    CountryPageFactory,
    NewsPageFactory,
)


@pytest.mark.parametrize(
    ("child", "parents"),
    [
        (HomePage, {Page}),
        (CountryIndexPage, {HomePage}),
        (CaseIndexPage, {HomePage}),
        (NewsIndexPage, {HomePage}),
        (CountryPage, {CountryIndexPage}),
        (CasePage, {CaseIndexPage}),
        (NewsPage, {NewsIndexPage}),
    ],
)
def test_pages_only_go_where_they_belong(child, parents):
    assert set(child.allowed_parent_page_models()) == parents


@pytest.mark.parametrize("page_class", [CountryPage, CasePage, NewsPage])
def test_content_pages_are_leaves(page_class):
    assert page_class.allowed_subpage_models() == []


@pytest.mark.django_db
def test_one_section_of_each_kind_per_home(home_page):
    assert CaseIndexPage.can_create_at(home_page)
    home_page.add_child(instance=CaseIndexPage(title="Cases", slug="cases"))
    assert not CaseIndexPage.can_create_at(home_page)


@pytest.mark.django_db
def test_iso_code_is_unique_per_locale():
    CountryPageFactory(iso_code="UZ")
    duplicate = CountryPageFactory.build(iso_code="UZ", title="Uzbekistan again")
    duplicate.locale = Locale.get_default()
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert "iso_code" in excinfo.value.message_dict


@pytest.mark.django_db
def test_same_iso_code_is_fine_in_another_locale():
    country = CountryPageFactory(iso_code="UZ")
    russian = Locale.objects.create(language_code="ru")
    other = CountryPageFactory.build(iso_code="UZ", title="Узбекистан", slug="uz-ru")
    other.locale = russian
    other.path, other.depth = country.path, country.depth  # tree fields skip validation
    other.clean()  # no error


@pytest.mark.django_db
def test_iso_code_must_be_a_real_country():
    page = CountryPageFactory.build(iso_code="XX")
    page.locale = Locale.get_default()
    with pytest.raises(ValidationError) as excinfo:
        page.full_clean()
    assert "iso_code" in excinfo.value.message_dict


@pytest.mark.parametrize(
    ("dates", "field"),
    [
        ({"detained_on": "2010-06-15", "sentenced_on": "2010-01-01"}, "sentenced_on"),
        ({"detained_on": "2010-06-15", "released_on": "2009-01-01"}, "released_on"),
        ({"sentenced_on": "2011-12-01", "released_on": "2011-01-01"}, "released_on"),
    ],
)
@pytest.mark.django_db  # Page.clean() checks the slug against siblings
def test_case_dates_must_come_in_order(dates, field):
    values = {"detained_on": None, "sentenced_on": None, "released_on": None}
    values.update({k: datetime.date.fromisoformat(v) for k, v in dates.items()})
    page = CasePage(title="Case", person_name="A", status="imprisoned", **values)
    with pytest.raises(ValidationError) as excinfo:
        page.clean()
    assert field in excinfo.value.message_dict


@pytest.mark.django_db  # Page.clean() checks the slug against siblings
def test_case_dates_in_order_pass():
    page = CasePage(
        title="Case",
        person_name="Muhammad Bekzhanov",
        status="released",
        detained_on=datetime.date(1999, 3, 1),
        sentenced_on=datetime.date(1999, 11, 1),
        released_on=datetime.date(2017, 2, 22),
    )
    page.clean()


@pytest.mark.django_db  # Page.clean() checks the slug against siblings
def test_ended_campaign_needs_its_closing_text():
    page = CasePage(title="Case", person_name="A", status="imprisoned")
    page.campaign_state = "concluded"
    with pytest.raises(ValidationError) as excinfo:
        page.clean()
    assert "campaign_closed_text" in excinfo.value.message_dict
    page.campaign_closed_text = "This campaign is concluded."
    page.clean()


@pytest.mark.django_db  # Page.clean() checks the slug against siblings
def test_news_original_link_needs_its_language():
    page = NewsPage(title="News", original_url="https://www.kavkaz-uzel.eu/articles/1")
    with pytest.raises(ValidationError) as excinfo:
        page.clean()
    assert "original_language" in excinfo.value.message_dict


def test_stream_refuses_two_action_forms_with_one_identifier():
    action = {
        "action_id": "same",
        "kind": "petition",
        "targets": [],
        "suggested_message": "Sign.",
        "consent_text": "I agree.",
        "confirmation_text": "Thanks.",
        "closed_text": "Closed.",
    }
    block = CaseStreamBlock()
    value = block.to_python(
        [
            {"type": "action_form", "value": action},
            {"type": "action_form", "value": action},
        ]
    )
    with pytest.raises(ValidationError) as excinfo:
        block.clean(value)
    assert list(excinfo.value.block_errors) == [1]


@pytest.mark.django_db
def test_country_knows_its_live_cases_and_news_newest_first():
    country = CountryPageFactory()
    older = CasePageFactory(country=country)
    newer = CasePageFactory(country=country)
    draft = CasePageFactory(country=country, live=False)
    first = NewsPageFactory(
        published_at=datetime.datetime(2016, 4, 1, tzinfo=datetime.UTC)
    )
    latest = NewsPageFactory(
        published_at=datetime.datetime(2017, 8, 23, tzinfo=datetime.UTC)
    )
    for news in (first, latest):
        news.countries.add(country)
        news.save()
    for case, year in ((older, 2015), (newer, 2016)):
        case.first_published_at = datetime.datetime(year, 1, 1, tzinfo=datetime.UTC)
        case.save()
    assert list(country.get_cases()) == [newer, older]
    assert draft not in country.get_cases()
    assert list(country.get_news()) == [latest, first]


@pytest.mark.django_db
def test_country_lists_no_case_or_news_a_visitor_may_not_read():
    """A live page under a restricted parent, or outside every site, is hidden."""
    country = CountryPageFactory()
    public = CasePageFactory(country=country)
    hidden_section = CaseIndexPageFactory(slug="hidden-cases")
    PageViewRestriction.objects.create(
        page=hidden_section, restriction_type=PageViewRestriction.LOGIN
    )
    CasePageFactory(country=country, parent=hidden_section)
    nowhere = CaseIndexPageFactory(parent=Page.get_first_root_node(), slug="nowhere")
    CasePageFactory(country=country, parent=nowhere)
    news = NewsPageFactory(parent=nowhere)
    news.countries.add(country)
    news.save()
    assert list(country.get_cases()) == [public]
    assert list(country.get_news()) == []

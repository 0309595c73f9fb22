"""Every page type renders as plain HTML with its blocks, links and language,
naming only pages a visitor may read."""

import datetime

import pytest

from wagtail.models import PageViewRestriction

from cms.models import CaseIndexPage, CountryIndexPage, NewsIndexPage
from tests.factories import CasePageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def html_of(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def test_a_case_page_shows_its_facts_and_every_block(client, case_page, country):
    case_page.charges = [("charge", "Possessing ammunition")]
    case_page.save_revision().publish()

    html = html_of(client, case_page)

    assert "<h1>Erzhan Elshibayev</h1>" in html
    assert "Imprisoned" in html
    assert '<time datetime="2010-06-15">June 15, 2010</time>' in html
    assert "<li>Possessing ammunition</li>" in html
    assert f'<a href="{country.url}">Kazakhstan</a>' in html
    assert "<h2>What happened</h2>" in html
    assert f'See <a href="{country.url}">the country</a>' in html
    assert '<span class="speaker">Erkin Musaev</span>' in html
    assert 'alt="A portrait"' in html and "Photo: Family photo" in html
    assert "<dt>Sentence</dt><dd>Life</dd>" in html
    assert "Detained" in html
    assert '<span class="line recipient">The President</span>' in html
    assert "Dear President" in html
    assert 'href="/static/cms/site.css"' in html
    assert "<script" not in html


def test_an_ended_campaign_says_so(client, case_page):
    case_page.campaign_state = "concluded"
    case_page.campaign_closed_text = "This campaign is concluded."
    case_page.save_revision().publish()

    assert "This campaign is concluded." in html_of(client, case_page)


def test_a_country_page_lists_its_public_cases_and_news(
    client, country, case_page, news_page
):
    hidden = CasePageFactory(title="Secret case", slug="secret", country=country)
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    CasePageFactory(title="Draft case", slug="draft", country=country, live=False)

    html = html_of(client, country)

    assert "<h1>Kazakhstan</h1>" in html
    assert f'<a href="{case_page.url}">Erzhan Elshibayev</a>' in html
    assert f'<a href="{news_page.url}">A letter from prison</a>' in html
    assert "Secret" not in html and "secret" not in html
    assert "Draft case" not in html


def test_a_news_page_shows_its_attribution_and_related_pages(
    client, country, case_page
):
    news = NewsPageFactory(
        title="Letter from prison",
        slug="letter",
        author="Khadija Ismayilova",
        source_name="Meydan TV",
        source_url="https://example.org/letter",
        original_url="https://example.org/ru/letter",
        original_language="ru",
        disclaimer="Republished with permission.",
        published_at=datetime.datetime(2016, 1, 6, 9, 0, tzinfo=datetime.UTC),
    )
    news.countries.set([country])
    news.related_cases.set([case_page])
    news.save_revision().publish()

    html = html_of(client, news)

    assert "by Khadija Ismayilova" in html
    assert (
        '<a href="https://example.org/letter" rel="nofollow noopener">Meydan TV</a>'
        in html
    )
    assert 'hreflang="ru"' in html and "Read the original (Русский)" in html
    assert "Republished with permission." in html
    assert f'<a href="{case_page.url}">Erzhan Elshibayev</a>' in html
    assert '<time datetime="2016-01-06T09:00:00+00:00">' in html


def test_links_to_private_pages_lose_their_target(client, case_page, country):
    PageViewRestriction.objects.create(
        page=country, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    html = html_of(client, case_page)

    assert "<a>the country</a>" in html
    assert country.url not in html
    assert "Kazakhstan</a>" not in html


def test_index_pages_and_home_list_what_is_public(
    client, home_page, case_page, country, news_page
):
    CasePageFactory(title="Draft case", slug="draft", live=False)
    cases = CaseIndexPage.objects.get()

    assert f'<a href="{case_page.url}">Erzhan Elshibayev</a>' in html_of(client, cases)
    assert "Draft case" not in html_of(client, cases)
    assert "Kazakhstan" in html_of(client, CountryIndexPage.objects.get())
    assert "A letter from prison" in html_of(client, NewsIndexPage.objects.get())
    home = html_of(client, home_page)
    assert f'<li><a href="{cases.url}">Cases</a></li>' in home, home
    assert "Erzhan Elshibayev" in home and "A letter from prison" in home
    assert "Draft case" not in home


def test_a_right_to_left_language_is_marked_so(rf, case_page, settings):
    from django.utils.translation import get_language_info

    from cms.site.context import page_context

    settings.WAGTAIL_CONTENT_LANGUAGES = [
        *settings.WAGTAIL_CONTENT_LANGUAGES,
        ("ar", "Arabic"),
    ]
    case_page.locale.language_code = "ar"

    context = page_context(rf.get("/"), case_page)

    assert get_language_info("ar")["bidi"]
    assert (context["language"], context["direction"]) == ("ar", "rtl")

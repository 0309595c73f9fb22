"""The page editor's choosers fit the page: its language first, each one's shown."""

import re

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from wagtail.models import Locale

from tests.factories import (
    CampaignIndexPageFactory,
    CaseIndexPageFactory,
    CasePageFactory,
    CountryIndexPageFactory,
    CountryPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)


@pytest.fixture
def chinese(home_page):
    locale = Locale.objects.create(language_code="zh-hant")
    home_page.copy_for_translation(locale, copy_parents=True)
    return locale


def translate(page, locale, title):
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.title = title
    copy.save_revision().publish()
    return copy.specific_class.objects.get(pk=copy.pk)


@pytest.fixture
def askarov_twice(chinese):
    """The demo's case: Askarov in English and in Traditional Chinese, one title."""
    kyrgyzstan = CountryPageFactory(iso_code="KG", title="Kyrgyzstan")
    kyrgyzstan_zh = translate(kyrgyzstan, chinese, "吉爾吉斯")
    case = CasePageFactory(title="Azimjan Askarov", country=kyrgyzstan)
    case_zh = translate(case, chinese, "Azimjan Askarov")
    return {"en": (kyrgyzstan, case), "zh-hant": (kyrgyzstan_zh, case_zh)}


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "e@example.org", "pw")
    client.force_login(user)
    return client


def options(html, name):
    """``[(value, label)]`` of the <select> named ``name``, in order."""
    select = re.search(rf'<select name="{name}".*?</select>', html, re.S).group(0)
    return [
        (value, label.strip())
        for value, label in re.findall(
            r'<option value="(\d*)"[^>]*>(.*?)</option>', select
        )
        if value
    ]


def edit_form(client, page):
    with translation.override("en"):
        response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_a_news_post_lists_related_cases_in_its_language_first(
    admin_client, askarov_twice, chinese
):
    _country_zh, case_zh = askarov_twice["zh-hant"]
    _country, case = askarov_twice["en"]
    news_zh = translate(NewsPageFactory(), chinese, "新聞")

    choices = options(edit_form(admin_client, news_zh), "related_cases")

    assert choices == [
        (str(case_zh.pk), "Azimjan Askarov (Traditional Chinese)"),
        (str(case.pk), "Azimjan Askarov (English)"),
    ]


@pytest.mark.django_db
def test_an_english_news_post_lists_english_pages_first(admin_client, askarov_twice):
    country_zh, _ = askarov_twice["zh-hant"]
    country, _ = askarov_twice["en"]

    choices = options(edit_form(admin_client, NewsPageFactory()), "countries")

    assert choices == [
        (str(country.pk), "Kyrgyzstan (English)"),
        (str(country_zh.pk), "吉爾吉斯 (Traditional Chinese)"),
    ]


@pytest.mark.django_db
def test_a_cases_country_is_chosen_among_its_languages_countries(
    admin_client, askarov_twice
):
    country_zh, case_zh = askarov_twice["zh-hant"]
    CountryPageFactory(iso_code="KZ", title="Kazakhstan")  # English only

    choices = options(edit_form(admin_client, case_zh), "country")

    assert choices == [(str(country_zh.pk), "吉爾吉斯 (Traditional Chinese)")]


@pytest.mark.django_db
def test_a_country_chosen_in_another_language_is_kept(admin_client, chinese):
    kazakhstan = CountryPageFactory(iso_code="KZ", title="Kazakhstan")
    case = CasePageFactory(title="Case", country=kazakhstan)
    case_zh = translate(case, chinese, "案件")  # no Chinese Kazakhstan to point at

    html = edit_form(admin_client, case_zh)

    assert options(html, "country") == [(str(kazakhstan.pk), "Kazakhstan (English)")]
    assert re.search(rf'<option value="{kazakhstan.pk}" selected>', html)


@pytest.mark.django_db
def test_a_new_case_offers_its_sections_languages_countries(
    admin_client, askarov_twice
):
    country_zh, case_zh = askarov_twice["zh-hant"]
    cases_zh = case_zh.get_parent()
    with translation.override("en"):
        response = admin_client.get(
            reverse("wagtailadmin_pages:add", args=["cms", "casepage", cases_zh.pk])
        )
    choices = options(response.content.decode(), "country")
    assert choices == [(str(country_zh.pk), "吉爾吉斯 (Traditional Chinese)")]


@pytest.mark.django_db
def test_home_with_its_sections_offers_only_a_general_page(admin_client, home_page):
    """Each section once per home: after them, only a general page may be added,
    so the admin goes straight to its form instead of offering four it refuses."""
    CountryIndexPageFactory()
    CaseIndexPageFactory()
    NewsIndexPageFactory()
    CampaignIndexPageFactory()

    response = admin_client.get(
        reverse("wagtailadmin_pages:add_subpage", args=[home_page.pk])
    )

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "wagtailadmin_pages:add", args=["cms", "generalpage", home_page.pk]
    )


@pytest.mark.django_db
def test_a_page_that_takes_no_child_offers_none(admin_client):
    case = CasePageFactory(title="Case")
    add_child = reverse("wagtailadmin_pages:add_subpage", args=[case.pk])

    assert (
        add_child
        not in admin_client.get(
            reverse("wagtailadmin_explore", args=[case.get_parent().pk])
        ).content.decode()
    )
    assert add_child not in edit_form(admin_client, case)

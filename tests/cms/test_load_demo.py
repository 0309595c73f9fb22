"""``manage.py load_demo``: the demo site from the seed documents, in four languages.

The demo is loaded once for the module inside a transaction that is rolled back at
the end, so the other test modules never see it.
"""

import datetime
from io import StringIO

import pytest
from taggit.models import Tag

from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction

from wagtail import hooks
from wagtail.models import Locale, Page, PageLogEntry, Revision

from cms.demo.content.elshibayev import TARGET_EMAILS
from cms.demo.translate import HOOK_NAME, translate_page
from cms.demo.users import demo_password
from cms.models import (
    CampaignIndexPage,
    CampaignPage,
    CaseIndexPage,
    CasePage,
    CountryIndexPage,
    CountryPage,
    GeneralPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    PartnerOrganisation,
    PrivacySettings,
)

pytestmark = pytest.mark.django_db

LANGUAGES = {"en", "zh-hant", "it", "ru"}
PEOPLE = {
    "Erkin Musaev",
    "Azimjan Askarov",
    "Erzhan Elshibayev",
    "Khadija Ismayilova",
    "Ali Feruz",
    "Muhammad Bekzhanov",
    "Dilorom Abdukadirova",
}
UZBEK_CASES = {
    "Erkin Musaev",
    "Ali Feruz",
    "Muhammad Bekzhanov",
    "Dilorom Abdukadirova",
}


def load(**options):
    out = StringIO()
    call_command("load_demo", force=True, stdout=out, **options)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The command's output from a first run on the migrated test database."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield load()
        transaction.set_rollback(True)


def case(person, language="en"):
    return CasePage.objects.get(person_name=person, locale__language_code=language)


def blocks_of(page, block_type):
    return [child.value for child in page.body if child.block_type == block_type]


def snapshot():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Revision.objects.count(),
        "log entries": PageLogEntry.objects.count(),
        "partners": PartnerOrganisation.objects.count(),
        "tags": Tag.objects.count(),
        "locales": Locale.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_every_locale_has_a_home_with_its_sections_and_pages(demo):
    english_home = HomePage.objects.get(depth=2, locale__language_code="en")
    assert english_home.get_site().is_default_site
    for language in LANGUAGES:
        home = HomePage.objects.get(locale__language_code=language)
        assert home.live
        assert home.translation_key == english_home.translation_key
        children = {type(page) for page in home.get_children().specific()}
        assert children == {
            CountryIndexPage,
            CaseIndexPage,
            NewsIndexPage,
            CampaignIndexPage,
            GeneralPage,
        }
    assert set(Locale.objects.values_list("language_code", flat=True)) == LANGUAGES


def test_english_has_the_seed_world(demo):
    countries = CountryPage.objects.filter(locale__language_code="en")
    assert {(c.iso_code, c.region) for c in countries} == {
        (iso, "europe_central_asia") for iso in ("UZ", "KG", "KZ", "AZ")
    }
    cases = CasePage.objects.live().filter(locale__language_code="en")
    assert set(cases.values_list("person_name", flat=True)) == PEOPLE
    assert all(c.country.locale.language_code == "en" for c in cases)
    news = NewsPage.objects.live().filter(locale__language_code="en")
    assert news.count() == 10  # the seeds' nine, and the post with open actions

    askarov = case("Azimjan Askarov")
    assert askarov.detained_on == datetime.date(2010, 6, 15)
    assert askarov.status == "imprisoned"
    assert {"human rights defender", "prisoner of conscience"} <= set(
        askarov.tags.names()
    )
    assert [charge.value for charge in askarov.charges]
    bekzhanov = case("Muhammad Bekzhanov")
    assert (bekzhanov.status, bekzhanov.released_on) == (
        "released",
        datetime.date(2017, 2, 22),
    )
    assert "journalist" in case("Khadija Ismayilova").tags.names()


def test_news_dates_and_attribution(demo):
    def post(slug):
        return NewsPage.objects.get(slug=slug, locale__language_code="en")

    utc = datetime.UTC
    letter = post("erkin-musaev-thanks-supporters")
    assert letter.published_at == datetime.datetime(2017, 8, 23, 9, 39, 7, tzinfo=utc)
    assert post("fast-track-to-torture").published_at == datetime.datetime(
        2016, 4, 21, 0, 1, tzinfo=utc
    )
    assert [q["speaker"] for q in blocks_of(letter, "quote")] == ["Erkin Musaev"]
    assert list(letter.related_cases.all()) == [case("Erkin Musaev")]

    ismayilova = post("ismayilova-letter-to-obama")
    assert ismayilova.published_at == datetime.datetime(2016, 4, 1, 19, 37, tzinfo=utc)
    assert (ismayilova.author, ismayilova.source_name) == (
        "Faik Medzhid",
        "Caucasian Knot",
    )
    assert ismayilova.original_url and ismayilova.original_language == "ru"
    assert "foreign agent" in ismayilova.disclaimer
    assert [c.iso_code for c in ismayilova.countries.all()] == ["AZ"]

    speakers = {
        (q["speaker"], q["speaker_role"])
        for page in NewsPage.objects.filter(locale__language_code="en")
        for q in blocks_of(page, "quote")
    }
    assert ("Denis Krivosheev", "Deputy Director for Europe and Central Asia") in (
        speakers
    )
    assert ("John Dalhuisen", "Director for Europe and Central Asia") in speakers


def test_askarov_in_traditional_chinese_keeps_the_postal_address(demo):
    english, chinese = case("Azimjan Askarov"), case("Azimjan Askarov", "zh-hant")
    assert chinese.translation_key == english.translation_key
    assert chinese.live and chinese.sentence != english.sentence
    assert chinese.country.locale.language_code == "zh-hant"
    assert chinese.get_parent().get_parent().locale.language_code == "zh-hant"

    (address,) = blocks_of(english, "appeal_address")
    (translated,) = blocks_of(chinese, "appeal_address")
    assert address["recipient"] == "Almazbek Atambaev"
    assert address["address_lines"] == "Government House"
    assert (address["city"], address["postcode"]) == ("Bishkek", "720003")
    assert address["fax"] == "+996312625012"  # cleaned by the block: stored as E.164
    assert address["salutation"] == "Dear President"
    for postal in ("recipient", "address_lines", "city", "postcode", "country", "fax"):
        assert translated[postal] == address[postal]
    assert translated["salutation"] != address["salutation"]
    assert translated["ask"] != address["ask"]
    assert [q["text"] for q in blocks_of(english, "quote")] == [
        "They have destroyed us"
    ]
    (events,) = blocks_of(english, "timeline")
    precisions = {event["date"]: event["precision"] for event in events["events"]}
    assert precisions[datetime.date(2011, 12, 1)] == "month"
    assert precisions[datetime.date(2010, 6, 15)] == "day"


def test_elshibayev_is_written_in_italian_first(demo):
    italian, english = case("Erzhan Elshibayev", "it"), case("Erzhan Elshibayev")
    assert italian.pk < english.pk
    assert italian.translation_key == english.translation_key
    assert italian.get_parent().locale.language_code == "it"
    assert italian.country.title == "Kazakistan"
    assert english.country.locale.language_code == "en"
    assert italian.summary != english.summary

    names = set(PartnerOrganisation.objects.values_list("name", flat=True))
    assert len(names) == 3
    forms = []
    for page in (italian, english):
        assert page.campaign_state == "concluded" and page.campaign_closed_text
        assert {p.name for p in page.partners.all()} == names
        (form,) = blocks_of(page, "action_form")
        assert form["kind"] == "email"
        assert [t.email for t in form["targets"]] == TARGET_EMAILS
        assert form["closes_at"] < datetime.datetime.now(datetime.UTC)
        forms.append(form)
    assert forms[0]["action_id"] == forms[1]["action_id"]
    assert forms[0]["subject"] != forms[1]["subject"]


def test_translations_keep_the_source_block_ids(demo):
    """Translation tools pair a translated block with its source block by id."""
    pairs = [
        (case("Azimjan Askarov"), case("Azimjan Askarov", "zh-hant")),
        (case("Erzhan Elshibayev", "it"), case("Erzhan Elshibayev")),
    ]
    for source, translation in pairs:
        assert [child.id for child in translation.body] == [
            child.id for child in source.body
        ]
        assert [child.id for child in translation.charges] == [
            child.id for child in source.charges
        ]


def test_uzbekistan_in_russian(demo):
    english = CountryPage.objects.get(iso_code="UZ", locale__language_code="en")
    russian = CountryPage.objects.get(iso_code="UZ", locale__language_code="ru")
    assert russian.translation_key == english.translation_key
    assert russian.live and russian.title == "Узбекистан"
    assert russian.summary != english.summary


def test_country_lists_its_cases_and_news_newest_first(demo):
    uzbekistan = CountryPage.objects.get(iso_code="UZ", locale__language_code="en")
    news = list(uzbekistan.get_news())
    assert len(news) == 8
    dates = [post.published_at for post in news]
    assert dates == sorted(dates, reverse=True)
    assert news[0].slug == "erkin-musaev-thanks-supporters"
    assert news[-1].slug == "dilorom-abdukadirova"

    cases = list(uzbekistan.get_cases())
    assert {c.person_name for c in cases} == UZBEK_CASES
    keys = [(c.first_published_at, c.pk) for c in cases]
    assert keys == sorted(keys, reverse=True)


def test_case_and_country_pages_show_credited_illustrations(demo):
    from PIL import Image as PILImage

    from cms.demo.illustrations import CREDIT, DESCRIPTIONS

    pages = [*CasePage.objects.all(), *CountryPage.objects.all()]
    assert len(pages) >= 7 + 4  # every case and country, and their translations
    for page in pages:
        first = page.body[0]
        assert first.block_type == "image"
        assert first.value["credit"] == CREDIT
        image = first.value["image"]
        assert image.title.startswith("Illustration: ")
        language = page.locale.language_code
        assert first.value["alt_text"] in {d[language] for d in DESCRIPTIONS.values()}
        if isinstance(page, CasePage):
            assert page.photo == image  # the teaser's picture is no photo of them
    english = case("Azimjan Askarov")
    with english.photo.open_file() as stored, PILImage.open(stored) as picture:
        assert picture.size == (960, 640)
        assert len(picture.getcolors(maxcolors=1000) or []) <= 6  # flat shapes
    assert english.photo.get_renditions("width-320")  # already made at load


def test_admin_login_is_printed(demo):
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.check_password(demo_password())
    assert f"user: admin  password: {demo_password()}" in demo
    assert "/admin/" in demo


def test_second_run_changes_nothing(demo):
    before = snapshot()
    output = load()
    assert snapshot() == before
    assert "0 pages created, 0 updated" in output
    assert f"password: {demo_password()}" in output

    load(update=True)
    assert snapshot() == before


def test_update_restores_changed_demo_text(demo):
    page = case("Ali Feruz").get_latest_revision_as_object()
    page.summary = "Edited by hand."
    page.save_revision().publish()
    revisions = Revision.objects.count()

    load()
    assert case("Ali Feruz").summary == "Edited by hand."
    load(update=True)
    assert case("Ali Feruz").summary != "Edited by hand."
    assert Revision.objects.count() == revisions + 1


def test_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    before = snapshot()
    with pytest.raises(CommandError, match="--force"):
        call_command("load_demo", stdout=StringIO())
    assert snapshot() == before


def test_translate_page_uses_the_last_registered_hook(demo):
    source = CountryPage.objects.get(iso_code="AZ", locale__language_code="en")
    russian = Locale.objects.get(language_code="ru")
    calls = []

    def copy_page_for_translation(page, locale, user=None):
        calls.append((page.pk, locale.language_code, user))
        return page

    with hooks.register_temporarily(HOOK_NAME, copy_page_for_translation, order=99):
        assert translate_page(source, russian) == source
    assert calls == [(source.pk, "ru", None)]


def test_translate_page_falls_back_to_wagtail_core(demo, monkeypatch):
    monkeypatch.setattr(hooks, "get_hooks", lambda name: [])
    source = CountryPage.objects.get(iso_code="AZ", locale__language_code="en")
    russian = Locale.objects.get(language_code="ru")

    copy = translate_page(source, russian)

    assert copy.locale == russian and copy.live
    assert copy.translation_key == source.translation_key
    assert copy.get_parent().locale == russian
    assert copy.title == source.title


def test_the_campaigns_gather_their_cases_in_their_cases_languages(demo):
    w4r = CampaignPage.objects.get(slug="write-for-rights-2014")
    appeal = CampaignPage.objects.filter(slug="worldwide-appeal-2012-may-june")
    assert w4r.locale.language_code == "en"
    assert {p.locale.language_code for p in appeal} == {"en", "zh-hant"}
    assert (w4r.starts_on, w4r.ends_on) == (
        datetime.date(2014, 12, 1),
        datetime.date(2014, 12, 31),
    )
    assert list(case("Erkin Musaev").campaigns.all()) == [w4r]
    assert [n.slug for n in w4r.news_pages.all()] == ["erkin-musaev-thanks-supporters"]
    chinese = appeal.get(locale__language_code="zh-hant")
    assert list(case("Azimjan Askarov", "zh-hant").campaigns.all()) == [chinese]
    assert chinese.title != appeal.get(locale__language_code="en").title


def test_the_general_pages_are_in_every_language_and_the_policy_is_chosen(demo):
    for slug in ("about", "privacy"):
        pages = GeneralPage.objects.filter(slug=slug).live()
        assert {p.locale.language_code for p in pages} == LANGUAGES
    chosen = PrivacySettings.objects.get().privacy_policy
    assert (chosen.slug, chosen.locale.language_code) == ("privacy", "en")


def test_the_demo_api_lists_the_campaigns_with_their_cases(demo, client):
    body = client.get("/api/v1/campaigns/?locale=zh-hant&include=cases").json()
    (appeal,) = [i for i in body["items"] if i["slug"].startswith("worldwide")]
    assert appeal["locale"] == "zh-hant"
    assert [c["title"] for c in appeal["cases"]] == [
        case("Azimjan Askarov", "zh-hant").title
    ]

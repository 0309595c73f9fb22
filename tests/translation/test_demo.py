"""The demo's translations are made through wagtail-localize."""

from io import StringIO

import pytest

from django.core.management import call_command
from django.db import transaction
from django.test import TestCase, override_settings

from wagtail_localize.models import Translation

from cms.demo.content.open_actions import OPEN_ACTIONS
from cms.models import CasePage, CountryPage
from cms.translation.progress import (
    progress_of,
    translation_progress,
    translations_waiting,
)


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module in a transaction rolled back after it
    (each test runs in a savepoint of its own inside it)."""
    with (
        django_db_blocker.unblock(),
        transaction.atomic(),
        override_settings(DEBUG=True),  # the demo command refuses to run otherwise
    ):
        with TestCase.captureOnCommitCallbacks(execute=True):
            call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(loaded_demo, db, settings):
    settings.DEBUG = True  # for a test that loads it again


def translated(model, language_code, **lookup):
    page = model.objects.get(locale__language_code=language_code, **lookup)
    return Translation.objects.filter(
        source__object_id=page.translation_key,
        target_locale__language_code=language_code,
        enabled=True,
    )


@pytest.mark.django_db
def test_demo_translations_are_wagtail_localize_translations(demo):
    askarov = translated(CasePage, "zh-hant", person_name__icontains="Askarov")
    assert askarov.get().source.locale.language_code == "en"
    elshibayev = translated(CasePage, "en", person_name__icontains="Elshibayev")
    assert elshibayev.get().source.locale.language_code == "it"
    uzbekistan = translated(CountryPage, "ru", iso_code="UZ")
    assert uzbekistan.get().source.locale.language_code == "en"


@pytest.mark.django_db
def test_demo_text_counts_as_translated(demo):
    page = CasePage.objects.get(
        locale__language_code="zh-hant", person_name__icontains="Askarov"
    )
    (progress,) = [
        row for row in translation_progress(page) if row["locale"] == "zh-hant"
    ]
    assert progress["translated"] > 0


def askarov(language_code):
    return CasePage.objects.get(
        locale__language_code=language_code, person_name__icontains="Askarov"
    )


# The one translation the demo leaves for its Italian translator.
LEFT_FOR_TRANSLATOR = (OPEN_ACTIONS["text"]["en"]["title"], "it")


def progress_in(rows, language_code):
    (row,) = [row for row in rows if row["locale"] == language_code]
    return row


@pytest.mark.django_db
def test_fully_translated_demo_pages_read_100_percent(demo, admin_client):
    translations = Translation.objects.filter(enabled=True)
    assert translations.count() > 10
    shares = {
        (t.source.object_repr, t.target_locale.language_code): progress_of(t)["percent"]
        for t in translations
    }
    assert shares.pop(LEFT_FOR_TRANSLATOR) == 0
    assert set(shares.values()) == {100}, shares

    page = askarov("en")
    answer = admin_client.get(f"/api/v1/translation/progress/{page.pk}/").json()
    (chinese,) = answer["locales"]
    assert chinese["locale"] == "zh-hant"
    assert chinese["share"] == 1.0
    assert chinese["translated"] == chinese["total"] > 0
    report = admin_client.get("/admin/reports/translation-progress/").content.decode()
    assert "100% (" in report
    assert report.replace("100% (", "").count("0% (") == 1  # the one left


@pytest.mark.django_db
def test_a_changed_source_paragraph_shows_what_is_left(
    demo, admin_client, django_capture_on_commit_callbacks
):
    page = askarov("en")
    for child in page.body:
        if child.block_type == "rich_text":
            html = child.value.source.replace("Jalal-Abad", "Jalal-Abad and Osh", 1)
            child.value = type(child.value)(html)
            break
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    chinese = progress_in(translation_progress(page), "zh-hant")
    assert chinese["translated"] == chinese["total"] - 1
    assert chinese["percent"] < 100
    answer = admin_client.get(f"/api/v1/translation/progress/{page.pk}/").json()
    assert (
        progress_in(answer["locales"], "zh-hant")["translated"]
        == (chinese["translated"])
    )
    assert answer["locales"][0]["share"] < 1.0
    (waiting,) = translations_waiting("zh-hant")
    assert waiting.source.object_id == page.translation_key
    assert [
        (t.source.object_repr, t.target_locale.language_code)
        for t in translations_waiting("it")
    ] == [LEFT_FOR_TRANSLATOR]
    report = admin_client.get(
        "/admin/reports/translation-progress/?q=Askarov"
    ).content.decode()
    assert (
        f"{chinese['percent']}% ({chinese['translated']} of {chinese['total']} strings)"
        in report
    )


@pytest.mark.django_db
def test_demo_translators_are_in_the_groups_setup_translators_makes(demo, monkeypatch):
    from django.contrib.auth import get_user_model

    from wagtail.models import Page

    from cms.demo.content.open_actions import SLUG
    from cms.demo.users import PASSWORD_VARIABLE, TRANSLATORS
    from cms.translation.translators import group_name, setup_translators

    monkeypatch.setenv(PASSWORD_VARIABLE, "translate-the-demo")
    out = StringIO()
    call_command("load_demo", stdout=out)
    roots = setup_translators()
    pages = {p.locale.language_code: p for p in Page.objects.filter(slug=SLUG)}
    for language, username in TRANSLATORS.items():
        assert f"user: {username}  password: translate-the-demo" in out.getvalue()
        user = get_user_model().objects.get(username=username)
        assert user.check_password("translate-the-demo")
        assert [g.name for g in user.groups.all()] == [group_name(language)]
        assert roots[group_name(language)].locale.language_code == language
        assert not user.is_superuser
        assert not pages["en"].permissions_for_user(user).can_edit()
    italian = get_user_model().objects.get(username=TRANSLATORS["it"])
    assert pages["it"].permissions_for_user(italian).can_edit()
    assert not pages["zh-hant"].permissions_for_user(italian).can_edit()

"""The dashboard's translations waiting: per locale, each translator only their own."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail_localize.models import StringTranslation, TranslationSource

from cms.translation.operations import copy_page_for_translation
from cms.translation.translators import group_name, setup_translators
from tests.cms.test_dashboard import dashboard

pytestmark = pytest.mark.django_db


def translator(code):
    user = get_user_model().objects.create_user(f"translator-{code}", password="pw")
    user.groups.add(Group.objects.get(name=group_name(code)))
    return user


def translate_everything(source, locale):
    for segment in source.stringsegment_set.select_related("string"):
        StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"[{locale.language_code}] {segment.string.data}"},
        )


@pytest.fixture
def waiting(case_page, locales):
    """The case waits in Italian and Russian; its home and section are translated."""
    setup_translators()
    copy_page_for_translation(case_page, locales["it"])
    copy_page_for_translation(case_page, locales["ru"])
    source = TranslationSource.objects.get_for_instance(case_page)
    for ancestor in TranslationSource.objects.exclude(pk=source.pk):
        translate_everything(ancestor, locales["it"])
        translate_everything(ancestor, locales["ru"])
    return source


def test_each_translator_sees_only_their_locale(client, waiting):
    italian = dashboard(client, translator("it"))
    assert "Translations waiting" in italian
    assert "Italian: 1 page waiting" in italian
    assert "Free Azimjan Askarov" in italian
    assert "Russian: " not in italian

    russian = dashboard(client, translator("ru"))
    assert "Russian: 1 page waiting" in russian
    assert "Italian: " not in russian


def test_an_editor_of_the_whole_site_sees_every_locale(client, waiting):
    lead = get_user_model().objects.create_superuser("lead", "l@example.org", "pw")
    html = dashboard(client, lead)
    assert "Italian: 1 page waiting" in html
    assert "Russian: 1 page waiting" in html


def test_a_fully_translated_page_no_longer_waits(client, waiting, locales):
    translate_everything(waiting, locales["ru"])
    assert "Translations waiting" not in dashboard(client, translator("ru"))
    assert "Italian: 1 page waiting" in dashboard(client, translator("it"))


def test_a_changed_source_paragraph_waits_again(client, waiting, locales, case_page):
    translate_everything(waiting, locales["ru"])
    case_page.summary = "He was released in 2020 and died in prison."
    case_page.save_revision().publish()
    waiting.update_from_db()

    assert "Russian: 1 page waiting" in dashboard(client, translator("ru"))

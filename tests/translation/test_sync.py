"""Publishing a source page brings its translations up to date."""

import pytest

from wagtail import hooks
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.models import CasePage
from cms.translation.operations import copy_page_for_translation
from cms.translation.progress import translation_progress
from cms.translation.sync import record_direct_edits

from .conftest import body_value


def translate_strings(page, locale, translations):
    """Act as a translator: ``translations`` maps a source text to its translation."""
    source = TranslationSource.objects.get_for_instance(page)
    translation = Translation.objects.get(source=source, target_locale=locale)
    for segment in source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in translations:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": translations[segment.string.data]},
            )
    translation.save_target(publish=True)
    return translation


@pytest.mark.django_db
def test_hook_makes_a_wagtail_localize_translation(case_page, locales):
    (hook,) = hooks.get_hooks("copy_page_for_translation")
    translated = hook(case_page, locales["zh-hant"])
    assert isinstance(translated, CasePage)
    assert translated.locale == locales["zh-hant"]
    assert translated.live
    assert translated.get_parent().locale == locales["zh-hant"]
    assert Translation.objects.filter(
        source__object_id=case_page.translation_key,
        target_locale=locales["zh-hant"],
        enabled=True,
    ).exists()
    # The ancestors are wagtail-localize translations too, not plain copies.
    assert Translation.objects.filter(target_locale=locales["zh-hant"]).count() == 3


@pytest.mark.django_db
def test_publishing_the_source_updates_the_address_and_keeps_translations(
    case_page, locales, django_capture_on_commit_callbacks
):
    zh = locales["zh-hant"]
    with django_capture_on_commit_callbacks(execute=True):
        copy_page_for_translation(case_page, zh)
        translate_strings(case_page, zh, {"Dear President": "尊敬的總統"})

    appeal = body_value(case_page, "appeal_address")
    appeal["fax"] = "+996312661111"
    appeal["address_lines"] = "Ala-Too Square 1"
    with django_capture_on_commit_callbacks(execute=True):
        case_page.save_revision().publish()

    translated = case_page.get_translation(zh).specific
    appeal = body_value(translated, "appeal_address")
    assert appeal["fax"] == "+996312661111"
    assert appeal["address_lines"] == "Ala-Too Square 1"
    assert appeal["salutation"] == "尊敬的總統"
    assert translated.live


@pytest.mark.django_db
def test_translators_see_a_changed_string_as_untranslated(
    case_page, locales, django_capture_on_commit_callbacks
):
    it = locales["it"]
    with django_capture_on_commit_callbacks(execute=True):
        copy_page_for_translation(case_page, it)
        translate_strings(case_page, it, {"Release Azimjan Askarov now.": "Liberate"})
    before = translation_progress(case_page)[0]["translated"]

    body_value(case_page, "appeal_address")["ask"] = "Release him today."
    with django_capture_on_commit_callbacks(execute=True):
        case_page.save_revision().publish()

    assert translation_progress(case_page)[0]["translated"] == before - 1


@pytest.mark.django_db
def test_sync_is_off_when_the_setting_says_so(
    case_page, locales, settings, django_capture_on_commit_callbacks
):
    settings.CASEBOOK_TRANSLATION = {"SYNC_ON_PUBLISH": False}
    with django_capture_on_commit_callbacks(execute=True):
        copy_page_for_translation(case_page, locales["ru"])
        body_value(case_page, "appeal_address")["city"] = "Osh"
        case_page.save_revision().publish()
    translated = case_page.get_translation(locales["ru"]).specific
    assert body_value(translated, "appeal_address")["city"] == "Bishkek"


@pytest.mark.django_db
def test_text_written_on_the_translation_survives_a_sync(
    case_page, locales, django_capture_on_commit_callbacks
):
    it = locales["it"]
    with django_capture_on_commit_callbacks(execute=True):
        translated = copy_page_for_translation(case_page, it)
    body_value(translated, "appeal_address")["salutation"] = "Egregio Presidente"
    translated.summary = "Un difensore dei diritti umani."
    translated.save_revision().publish()

    body_value(case_page, "appeal_address")["postcode"] = "720040"
    with django_capture_on_commit_callbacks(execute=True):
        case_page.save_revision().publish()

    translated = CasePage.objects.get(pk=translated.pk)
    appeal = body_value(translated, "appeal_address")
    assert appeal["postcode"] == "720040"
    assert appeal["salutation"] == "Egregio Presidente"
    assert translated.summary == "Un difensore dei diritti umani."


@pytest.mark.django_db
def test_recording_direct_edits_ignores_untouched_text(case_page, locales):
    translated = copy_page_for_translation(case_page, locales["ru"])
    translation = Translation.objects.get(
        target_locale=locales["ru"], source__object_id=case_page.translation_key
    )
    assert record_direct_edits(translation) == 0
    translated.summary = "Правозащитник."
    translated.save_revision()
    assert record_direct_edits(translation) == 1


@pytest.mark.django_db
def test_publishing_text_written_on_a_translation_counts_as_translated(
    case_page, locales
):
    translated = copy_page_for_translation(case_page, locales["zh-hant"])
    assert translation_progress(case_page)[0]["translated"] == 0
    body_value(translated, "appeal_address")["salutation"] = "尊敬的總統"
    translated.title = "釋放阿斯卡羅夫"
    translated.save_revision().publish()

    assert translation_progress(case_page)[0]["translated"] == 2
    assert set(
        StringTranslation.objects.filter(locale=locales["zh-hant"]).values_list(
            "data", flat=True
        )
    ) == {"尊敬的總統", "釋放阿斯卡羅夫"}

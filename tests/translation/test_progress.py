import pytest

from wagtail_localize.models import StringTranslation, TranslationSource

from cms.translation.operations import copy_page_for_translation
from cms.translation.progress import translation_progress, translations_waiting


@pytest.mark.django_db
def test_progress_per_locale(case_page, locales):
    copy_page_for_translation(case_page, locales["it"])
    copy_page_for_translation(case_page, locales["ru"])
    source = TranslationSource.objects.get_for_instance(case_page)
    segment = source.stringsegment_set.select_related("string").get(
        string__data="Dear President"
    )
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locales["ru"],
        context=segment.context,
        data="Уважаемый господин Президент",
    )
    # The slug is wagtail-localize's, not text to translate: never counted.
    total = source.stringsegment_set.exclude(context__path="slug").count()
    assert total == source.stringsegment_set.count() - 1

    progress = translation_progress(case_page)

    assert [row["locale"] for row in progress] == ["it", "ru"]
    italian, russian = progress
    assert (italian["translated"], italian["total"], italian["percent"]) == (
        0,
        total,
        0,
    )
    assert russian["translated"] == 1
    assert russian["percent"] == 100 // total
    assert russian["source_locale"] == "en"
    # The same answer from the translated page.
    assert translation_progress(case_page.get_translation(locales["ru"])) == progress


@pytest.mark.django_db
def test_untranslated_page_has_no_progress(case_page):
    assert translation_progress(case_page) == []


@pytest.mark.django_db
def test_progress_report_lists_translations(admin_client, case_page, locales):
    copy_page_for_translation(case_page, locales["it"])
    response = admin_client.get("/admin/reports/translation-progress/")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Free Azimjan Askarov" in content
    assert "0% (0 of" in content


@pytest.mark.django_db
def test_translations_waiting_per_locale_and_user(
    case_page, locales, admin_user, django_user_model
):
    copy_page_for_translation(case_page, locales["it"])
    copy_page_for_translation(case_page, locales["ru"])
    outsider = django_user_model.objects.create_user("volunteer", password="x")

    waiting = translations_waiting("it")
    # The case page and the ancestors translated with it.
    assert len(waiting) == 3
    assert {t.target_locale for t in waiting} == {locales["it"]}
    assert case_page.translation_key in {t.source.object_id for t in waiting}
    assert all(t.strings_translated < t.strings_total for t in waiting)
    assert translations_waiting(locales["it"], user=admin_user) == waiting
    assert translations_waiting("it", user=outsider) == []
    assert translations_waiting("zh-hant") == []

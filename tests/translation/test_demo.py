"""The demo's translations are made through wagtail-localize."""

import pytest

from django.core.management import call_command

from wagtail_localize.models import Translation

from cms.models import CasePage, CountryPage
from cms.translation.progress import translation_progress


@pytest.fixture
def demo(db, settings, django_capture_on_commit_callbacks):
    settings.DEBUG = True  # the demo command refuses to run otherwise
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


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

"""What translators get from a whole page, and what machine drafts look like."""

import pytest

from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.segments import OverridableSegmentValue, StringSegmentValue
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.strings import StringValue

from cms.models import CasePage
from cms.translation.checks import check_page_translation_declarations


@pytest.mark.django_db
def test_case_page_segments(case_page):
    segments = extract_segments(case_page)
    texts = {
        segment.string.data
        for segment in segments
        if isinstance(segment, StringSegmentValue)
    }
    assert texts == {
        "Free Azimjan Askarov",
        case_page.slug,
        "A human rights defender serving a life sentence.",
        "Write an appeal",
        "He documented police abuse.",
        "Dear President",
        "Release Azimjan Askarov now.",
        "Keep writing.",
    }
    # Names, dates and statuses are not even offered as overridable values.
    assert not [s for s in segments if isinstance(s, OverridableSegmentValue)]


def test_every_page_field_is_declared():
    assert check_page_translation_declarations() == []


def test_unknown_and_missing_fields_are_reported(monkeypatch):
    monkeypatch.setattr(CasePage, "synchronised_fields", ["person_name", "nickname"])
    messages = {
        (message.id, message.msg.split()[2 if message.id.endswith("E001") else 0])
        for message in check_page_translation_declarations()
    }
    assert ("casebook_translation.E001", "'nickname'") in messages
    assert ("casebook_translation.W001", "CasePage.status") in messages


def test_dummy_machine_translator_in_development(settings):
    translator = get_machine_translator()
    assert type(translator).__name__ == "DummyTranslator"


@pytest.mark.django_db
def test_machine_draft_is_offline_and_deterministic(locales):
    translator = get_machine_translator()
    (draft,) = translator.translate(
        locales["en"], locales["it"], [StringValue("Dear President")]
    ).values()
    assert draft.data == "President Dear"

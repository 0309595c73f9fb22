"""Which children of each block translators get; the rest stays as written."""

import datetime

import pytest

from wagtail_localize.segments import StringSegmentValue, TemplateSegmentValue
from wagtail_localize.segments.extract import StreamFieldSegmentExtractor
from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter

from caseblocks.blocks import (
    ActionFormBlock,
    AppealAddressBlock,
    CaptionedEmbedBlock,
    CaptionedImageBlock,
    HeadingBlock,
    KeyFactsBlock,
    QuoteBlock,
    RichTextBlock,
    TimelineBlock,
)
from tests.factories.blocks import action_form_data, appeal_address_data

APPEAL = appeal_address_data(organisation="Office of the President")


def extract(block, data):
    value = block.to_python(data)
    return value, StreamFieldSegmentExtractor(None).handle_block(block, value)


def strings(segments):
    """{path: text} of the segments a translator is given."""
    return {
        segment.path: segment.string.data
        for segment in segments
        if isinstance(segment, StringSegmentValue)
    }


def test_appeal_address_gives_only_salutation_and_ask():
    _, segments = extract(AppealAddressBlock(), APPEAL)
    assert strings(segments) == {
        "salutation": "Dear President",
        "ask": "Release Azimjan Askarov now.",
    }
    assert len(segments) == 2  # nothing else, not even as an overridable value


def test_quote_keeps_speaker_date_and_link():
    _, segments = extract(
        QuoteBlock(),
        {
            "text": "Your letters made it happen.",
            "speaker": "Erkin Musaev",
            "speaker_role": "Former prisoner",
            "date": "2017-08-23",
            "source": "Letter of thanks",
            "source_url": "https://example.org/letter",
        },
    )
    assert strings(segments) == {
        "text": "Your letters made it happen.",
        "speaker_role": "Former prisoner",
        "source": "Letter of thanks",
    }
    assert len(segments) == 3


@pytest.mark.django_db  # the target is a record
def test_action_form_keeps_targets_kind_goal_times_and_id():
    _, segments = extract(ActionFormBlock(), action_form_data(action_id="a1b2c3"))
    assert strings(segments) == {
        "subject": "Free Erzhan Elshibayev",
        "suggested_message": "Release him.",
        "consent_text": "I agree.",
        "confirmation_text": "Thank you.",
        "closed_text": "This campaign is concluded.",
    }
    assert len(segments) == 5


def test_key_facts_translate_heading_labels_and_values():
    value, segments = extract(
        KeyFactsBlock(),
        {
            "heading": "At a glance",
            "facts": [{"label": "Sentence", "value": "Life imprisonment"}],
        },
    )
    item_id = value["facts"].bound_blocks[0].id
    assert strings(segments) == {
        "heading": "At a glance",
        f"facts.{item_id}.label": "Sentence",
        f"facts.{item_id}.value": "Life imprisonment",
    }


def test_timeline_keeps_dates_and_precision():
    value, segments = extract(
        TimelineBlock(),
        {
            "heading": "Timeline",
            "events": [
                {
                    "date": "2010-06-15",
                    "precision": "day",
                    "title": "Detained",
                    "description": "Arrested in Bazar-Korgon.",
                }
            ],
        },
    )
    item_id = value["events"].bound_blocks[0].id
    assert strings(segments) == {
        "heading": "Timeline",
        f"events.{item_id}.title": "Detained",
        f"events.{item_id}.description": "Arrested in Bazar-Korgon.",
    }
    assert len(segments) == 3


def test_heading_translates_text_only():
    _, segments = extract(HeadingBlock(), {"text": "What happened", "level": "h3"})
    assert strings(segments) == {"text": "What happened"}
    assert len(segments) == 1


def test_rich_text_is_translated():
    block = RichTextBlock()
    value = block.to_python("<p>Azimjan Askarov <b>documented</b> abuse.</p>")
    segments = StreamFieldSegmentExtractor(None).handle_block(block, value)
    assert isinstance(segments[0], TemplateSegmentValue)
    assert strings(segments) == {"": "Azimjan Askarov <b>documented</b> abuse."}


def test_image_translates_caption_and_alt_text_not_credit():
    _, segments = extract(
        CaptionedImageBlock(),
        {
            "image": None,
            "alt_text": "A man behind bars",
            "decorative": False,
            "caption": "Askarov in court",
            "credit": "Photo: Jane Doe",
        },
    )
    assert strings(segments) == {
        "alt_text": "A man behind bars",
        "caption": "Askarov in court",
    }
    assert len(segments) == 2


def test_embed_translates_caption_only():
    _, segments = extract(
        CaptionedEmbedBlock(), {"embed": None, "caption": "Interview, 2012"}
    )
    assert strings(segments) == {"caption": "Interview, 2012"}


def test_restoring_changes_translated_children_only():
    block = AppealAddressBlock()
    value, segments = extract(block, APPEAL)
    translated = [
        StringSegmentValue.from_source_html(segment.path, f"[zh] {segment.string.data}")
        for segment in segments
    ]
    value = StreamFieldSegmentsWriter(None, None, None).handle_block(
        block, value, translated
    )
    assert value["salutation"] == "[zh] Dear President"
    assert value["ask"] == "[zh] Release Azimjan Askarov now."
    assert value["city"] == "Bishkek"
    assert value["fax"] == "+996312625012"


def test_restoring_list_children():
    block = TimelineBlock()
    value, segments = extract(
        block,
        {
            "heading": "Timeline",
            "events": [{"date": "2010-06-15", "precision": "day", "title": "Detained"}],
        },
    )
    translated = [
        StringSegmentValue.from_source_html(segment.path, segment.string.data.upper())
        for segment in segments
        if isinstance(segment, StringSegmentValue)
    ]
    value = StreamFieldSegmentsWriter(None, None, None).handle_block(
        block, value, translated
    )
    event = value["events"][0]
    assert (value["heading"], event["title"]) == ("TIMELINE", "DETAINED")
    assert event["date"] == datetime.date(2010, 6, 15)


@pytest.mark.parametrize(
    "block_class",
    [ActionFormBlock, AppealAddressBlock, QuoteBlock, HeadingBlock, TimelineBlock],
)
def test_declared_children_exist(block_class):
    block = block_class()
    assert set(block.translatable_children) <= set(block.child_blocks)

"""Each block's template shows it as a reader would see it."""

import datetime

import pytest

from django.utils import timezone

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
from cms.blocks import CaseStreamBlock

PICKER_BLOCKS = list(CaseStreamBlock().child_blocks.values())


def render(block, value=None, **context):
    value = block.get_preview_value() if value is None else block.to_python(value)
    return block.render(value, context)


@pytest.mark.parametrize("block", PICKER_BLOCKS, ids=lambda block: block.name)
def test_every_block_explains_itself_in_the_picker(block):
    assert block.is_previewable
    assert len(str(block.get_description())) > 40
    assert block.meta.template == f"caseblocks/blocks/{block.name}.html"
    assert block.get_preview_template(None) == "caseblocks/block_preview.html"


def test_a_quote_shows_its_speaker_role_source_and_date():
    html = render(QuoteBlock())

    assert "<blockquote><p>My release is a great victory" in html
    assert '<span class="speaker">Erkin Musaev</span>' in html
    assert "Former prisoner" in html
    assert "Letter of thanks" in html
    assert '<time datetime="2017-08-23">' in html


def test_a_quote_source_link_is_only_ever_a_web_address():
    value = {"text": "x", "speaker": "y", "source": "Letter"}
    safe = render(QuoteBlock(), {**value, "source_url": "https://example.org/l"})
    unsafe = render(QuoteBlock(), {**value, "source_url": "javascript:alert(1)"})

    assert 'href="https://example.org/l"' in safe
    assert "javascript" not in unsafe


def test_an_appeal_address_is_laid_out_as_on_an_envelope():
    html = render(AppealAddressBlock())

    lines = [
        "Almazbek Atambaev",
        "President",
        "Office of the President",
        "Government House",
        "205 Chui Avenue",
        "720003 Bishkek",
        "Kyrgyzstan",
    ]
    envelope = html[html.index("<address") : html.index("</address>")]
    positions = [envelope.index(f'">{line}</span>') for line in lines]
    assert positions == sorted(positions)
    assert 'translate="no"' in envelope
    assert '<dt>Fax</dt><dd translate="no">+996312625012</dd>' in html
    assert "Dear President" in html
    assert "Release Azimjan Askarov" in html


def test_key_facts_are_a_description_list():
    html = render(KeyFactsBlock())

    assert "<h2>At a glance</h2>" in html
    assert "<dt>Sentence</dt><dd>Life imprisonment</dd>" in html


def test_a_timeline_runs_oldest_first_as_precisely_as_known():
    value = {
        "heading": "",
        "events": [
            {"date": "2011-12-01", "precision": "year", "title": "Upheld"},
            {"date": "2010-06-15", "precision": "day", "title": "Detained"},
            {"date": "2010-08-01", "precision": "month", "title": "Charged"},
        ],
    }
    html = render(TimelineBlock(), value)

    assert html.index("Detained") < html.index("Charged") < html.index("Upheld")
    assert '<time datetime="2010-06-15">June 15, 2010</time>' in html
    assert '<time datetime="2010-08">August 2010</time>' in html
    assert '<time datetime="2011">2011</time>' in html


@pytest.mark.django_db
def test_an_image_shows_its_alt_text_caption_and_credit():
    import wagtail_factories

    image = wagtail_factories.ImageFactory(title="Portrait")
    value = {
        "image": image.pk,
        "alt_text": "A man behind bars",
        "decorative": False,
        "caption": "At the appeal hearing",
        "credit": "Family photo",
    }
    html = render(CaptionedImageBlock(), value)

    assert 'alt="A man behind bars"' in html
    assert "At the appeal hearing" in html
    assert "Photo: Family photo" in html
    decorative = render(CaptionedImageBlock(), {**value, "decorative": True})
    assert 'alt=""' in decorative


def test_an_embed_is_a_link_to_its_source_never_a_script():
    html = render(CaptionedEmbedBlock())
    unsafe = render(
        CaptionedEmbedBlock(), {"embed": "javascript:alert(1)", "caption": "x"}
    )

    assert 'href="https://video.example.org/free-azimjan-askarov"' in html
    assert "Supporters deliver the petition" in html
    assert "<iframe" not in html and "<script" not in html
    assert "javascript" not in unsafe


@pytest.mark.django_db
def test_an_open_e_mail_action_lists_its_targets_and_a_mailto_link():
    from tests.factories.blocks import target_ids

    block = ActionFormBlock()
    value = block.get_prep_value(block.get_preview_value())
    value["targets"] = target_ids(
        ("Prosecutor General", "prosecutor@example.org"),
        ("Ministry of Justice", "justice@example.org"),
    )
    html = render(block, value)

    assert "This action is open." in html
    assert "<li>Prosecutor General</li>" in html
    assert (
        'href="mailto:prosecutor@example.org,justice@example.org'
        "?subject=Free%20Erzhan%20Elshibayev&amp;body=I%20call%20on%20you" in html
    )
    assert "10000 supporters" in html


def test_a_closed_action_shows_its_closing_text_and_no_link():
    block = ActionFormBlock()
    value = block.get_preview_value()
    value["closes_at"] = timezone.now() - datetime.timedelta(days=1)

    html = block.render(value, {})

    assert "This action is closed." in html
    assert "This campaign is concluded." in html
    assert "mailto:" not in html


def test_an_action_closes_with_its_page_campaign():
    class EndedCampaign:
        campaign_is_open = False

    html = render(ActionFormBlock(), page=EndedCampaign())

    assert "This action is closed." in html
    assert "mailto:" not in html


def test_an_action_not_yet_open_says_when_it_opens():
    block = ActionFormBlock()
    value = block.get_preview_value()
    value["opens_at"] = timezone.now() + datetime.timedelta(days=1)

    html = block.render(value, {})

    assert "This action opens on" in html
    assert "mailto:" not in html


def test_a_petition_has_no_mail_link():
    html = render(
        ActionFormBlock(), {**ActionFormBlock().meta.preview_value, "kind": "petition"}
    )

    assert "Sign the petition" in html
    assert "mailto:" not in html


def test_headings_keep_their_level():
    assert render(HeadingBlock(), {"text": "Parts", "level": "h3"}).strip() == (
        "<h3>Parts</h3>"
    )


@pytest.mark.django_db
def test_rich_text_keeps_readable_page_links_only():
    source = (
        '<p><a linktype="page" id="1">open</a> <a linktype="page" id="2">closed</a> '
        '<a href="https://example.org/">web</a> <a href="javascript:x()">bad</a></p>'
    )
    block = RichTextBlock()
    seen = []

    def readable(ids):
        seen.append(set(ids))
        return {1}

    html = block.render(block.to_python(source), {"readable_page_ids": readable})

    assert seen == [{"1", "2"}]
    assert "<a>closed</a>" in html
    assert 'href="https://example.org/"' in html
    assert "javascript" not in html


def test_rich_text_without_a_rule_keeps_no_page_link():
    block = RichTextBlock()
    value = block.to_python('<p><a linktype="page" id="1">a page</a></p>')

    assert "<a>a page</a>" in block.render(value, {})

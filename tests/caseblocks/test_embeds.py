"""Embeds: the provider's data, fetched when the editor saves, served from the table."""

import pytest

from django.core.exceptions import ValidationError

from caseblocks.blocks import CaptionedEmbedBlock
from caseblocks.blocks.embeds import iframe_html
from caseblocks.blocks.schemas import CaptionedEmbedValue
from tests import embed_finder
from tests.factories import CasePageFactory

URL = "https://video.example.org/free-azimjan-askarov"


@pytest.fixture(autouse=True)
def calls():
    embed_finder.CALLS.clear()
    return embed_finder.CALLS


def saved(block, url):
    """The value as the editor's save leaves it: cleaned, so fetched."""
    return block.clean(block.to_python({"embed": url, "caption": "At the court"}))


@pytest.mark.django_db
def test_saving_fetches_the_embed_and_the_api_reads_it_without_a_finder(calls):
    block = CaptionedEmbedBlock()
    value = saved(block, URL)
    assert calls == [URL]
    representation = block.get_api_representation(
        block.to_python(block.get_prep_value(value))
    )
    assert calls == [URL]  # the API asked no finder
    CaptionedEmbedValue.model_validate(representation)
    assert representation == {
        "url": URL,
        "caption": "At the court",
        "html": '<iframe src="https://www.youtube-nocookie.com/embed/demo" '
        'width="640" height="360" title="Supporters deliver the petition" '
        'sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" '
        'loading="lazy" referrerpolicy="strict-origin-when-cross-origin" '
        "allowfullscreen></iframe>",
        "title": "Supporters deliver the petition",
        "provider_name": "Example Video",
        "thumbnail_url": "https://video.example.org/thumbs/askarov.jpg",
        "width": 640,
        "height": 360,
    }


@pytest.mark.django_db
def test_an_embed_never_fetched_carries_its_url_alone(calls):
    block = CaptionedEmbedBlock()
    value = block.to_python({"embed": URL, "caption": ""})
    representation = block.get_api_representation(value)
    assert calls == []
    assert representation["url"] == URL
    assert (representation["html"], representation["title"]) == (None, "")


@pytest.mark.django_db
def test_other_providers_give_no_html_and_no_unsafe_thumbnail(calls):
    block = CaptionedEmbedBlock()
    value = saved(block, "https://other.example.net/post/1")
    representation = block.get_api_representation(value)
    assert representation["title"] == "A post"
    assert representation["html"] is None
    assert representation["thumbnail_url"] is None


@pytest.mark.django_db
def test_an_unknown_embed_is_refused_at_save():
    with pytest.raises(ValidationError):
        saved(CaptionedEmbedBlock(), "https://nowhere.example.com/x")


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        '<iframe src="http://www.youtube.com/embed/x"></iframe>',
        '<iframe src="javascript:alert(1)"></iframe>',
        '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>',
        '<iframe src="https://evil.example/embed/x"></iframe>',
        '<iframe src="https://www.youtube.com/a"></iframe>'
        '<iframe src="https://evil.example/b"></iframe>',
        "",
    ],
)
def test_only_one_iframe_from_an_allowed_host_passes(html):
    assert iframe_html(html) is None


def test_an_allowed_iframe_is_rebuilt_with_its_attributes_escaped():
    html = iframe_html(
        '<iframe src="https://player.vimeo.com/video/1?a=1&amp;b=2" width="99999" '
        'title="&quot;&gt;<b>x</b>" srcdoc="<script>"></iframe>'
    )
    assert html.startswith(
        '<iframe src="https://player.vimeo.com/video/1?a=1&amp;b=2" '
    )
    assert 'width=""' in html  # beyond any screen: dropped
    assert 'title="&quot;&gt;&lt;b&gt;x&lt;/b&gt;"' in html
    assert "srcdoc" not in html and "<script" not in html


@pytest.mark.django_db
def test_a_page_detail_carries_the_saved_embed(client, calls):
    block = CaptionedEmbedBlock()
    value = saved(block, URL)
    page = CasePageFactory(slug="with-embed", body=[("embed", value)])
    calls.clear()
    body = client.get(f"/api/v1/pages/{page.pk}/").json()["body"]
    assert calls == []
    assert body[0]["value"]["provider_name"] == "Example Video"
    assert body[0]["value"]["html"].startswith("<iframe")

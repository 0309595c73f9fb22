"""Markup stored past the editor (imports, scripts, translations) reaches no front-end.

The editor only writes the rich text features a block allows, but Wagtail's
``expand_db_html`` passes any stored HTML through. The blocks clean what they
give the API (``caseblocks/blocks/sanitise.py``).
"""

import json

import pytest

from wagtail.rich_text import RichText

from caseblocks.blocks import CaptionedEmbedBlock, QuoteBlock, RichTextBlock
from tests.factories import CasePageFactory, NewsPageFactory

RICH_TEXT_ATTACKS = [
    "<p>a<script>alert(1)</script></p>",
    '<p><img src="x" onerror="alert(1)"></p>',
    '<p><a href="javascript:alert(1)">link</a></p>',
    '<p><a href="JaVaScRiPt:alert(1)">link</a></p>',
    '<p><a href="jav&#x09;ascript:alert(1)">link</a></p>',
    '<p><a href="data:text/html;base64,PHNjcmlwdD4=">link</a></p>',
    '<p><iframe src="https://evil.example/"></iframe></p>',
    '<p onmouseover="alert(1)" style="position:fixed">text</p>',
    '<svg onload="alert(1)"><script>alert(1)</script></svg>',
    '<p><object data="javascript:alert(1)"></object></p>',
    '<p><embed embedtype="media" url="javascript:alert(1)"/></p>',
    "<p><scr<script>ipt>alert(1)</script></p>",
    '<p><a href="/en/" onclick="alert(1)" target="_blank">x</a></p>',
    "<style>body{display:none}</style><p>text</p>",
    '<form action="https://evil.example/"><input name="q"></form>',
]
DANGEROUS = (
    "<script",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "javascript:",
    "data:text",
    "<iframe",
    "<img",
    "<svg",
    "<object",
    "<embed",
    "<style",
    "<form",
    "<input",
    "style=",
    "target=",
)
URL_ATTACKS = [
    "javascript:alert(1)",
    " javascript:alert(1)",
    "JAVASCRIPT:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
]


def assert_harmless(html):
    lowered = html.lower()
    assert [bad for bad in DANGEROUS if bad in lowered] == [], html


@pytest.mark.django_db  # a media embed looks for a stored embed
@pytest.mark.parametrize("stored", RICH_TEXT_ATTACKS)
def test_rich_text_leaves_only_whitelisted_markup(stored):
    assert_harmless(RichTextBlock().get_api_representation(RichText(stored)))


def test_rich_text_keeps_what_the_editor_writes():
    stored = (
        '<h3 data-block-key="a1">Arrest</h3><p data-block-key="b2">He was '
        '<b>detained</b> on <i>15 June</i>. <a href="https://example.org/?a=1&amp;b=2">'
        "Source</a> &amp; more &lt;here&gt;.</p><ul><li>one</li></ul><ol><li>two</li></ol>"
    )
    assert RichTextBlock().get_api_representation(RichText(stored)) == stored


def test_rich_text_text_stays_text():
    html = RichTextBlock().get_api_representation(
        RichText("<p>&lt;b&gt;x&lt;/b&gt;</p>")
    )
    assert html == "<p>&lt;b&gt;x&lt;/b&gt;</p>"


@pytest.mark.parametrize("url", URL_ATTACKS)
def test_embed_gives_only_web_addresses(url):
    block = CaptionedEmbedBlock()
    value = block.to_python({"embed": url, "caption": "Video"})
    assert block.get_api_representation(value)["url"] is None


@pytest.mark.parametrize("url", URL_ATTACKS)
def test_quote_source_gives_only_web_addresses(url):
    block = QuoteBlock()
    value = block.to_python(
        {
            "text": "t",
            "speaker": "s",
            "speaker_role": "",
            "source": "",
            "source_url": url,
        }
    )
    assert block.get_api_representation(value)["source_url"] is None


@pytest.mark.django_db  # the embed's provider data is read from what Wagtail stored
def test_web_addresses_pass():
    embed = CaptionedEmbedBlock()
    value = embed.to_python(
        {"embed": "https://www.youtube.com/watch?v=x", "caption": ""}
    )
    assert embed.get_api_representation(value)["url"] == (
        "https://www.youtube.com/watch?v=x"
    )


QUOTE_TEXT = '<script>alert("quote")</script> & "words"'


@pytest.fixture
def attacked_page(db):
    """A published case whose stored body was written past the editor."""
    body = [("rich_text", attack) for attack in RICH_TEXT_ATTACKS]
    body += [
        ("embed", {"embed": "javascript:alert(1)", "caption": "<b>cap</b>"}),
        (
            "quote",
            {
                "text": QUOTE_TEXT,
                "speaker": "<img src=x onerror=alert(1)>",
                "speaker_role": "",
                "date": None,
                "source": "",
                "source_url": "data:text/html,<script>alert(1)</script>",
            },
        ),
    ]
    page = CasePageFactory(slug="attacked", live=False, body=body)
    page.save_revision().publish()
    return page


def blocks_of(body, block_type):
    return [block["value"] for block in body if block["type"] == block_type]


@pytest.mark.django_db
@pytest.mark.parametrize("api", ["/api/v1/pages/{}/", "/api/v2/pages/{}/"])
def test_stored_attacks_leave_the_api_harmless(client, attacked_page, api):
    response = client.get(api.format(attacked_page.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    body = response.json()["body"]
    rich = blocks_of(body, "rich_text")
    assert len(rich) == len(RICH_TEXT_ATTACKS)
    for html in rich:
        assert_harmless(html)
    assert blocks_of(body, "embed")[0]["url"] is None
    quote = blocks_of(body, "quote")[0]
    assert quote["source_url"] is None
    # Plain-text fields are text in JSON, typed as such: front-ends escape them.
    assert quote["text"] == QUOTE_TEXT


@pytest.mark.django_db
def test_plain_text_is_not_typed_as_html(client):
    schema = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    quote = schema["QuoteValue"]["properties"]
    assert "contentMediaType" not in quote["text"]
    assert json.dumps(schema).count('"contentMediaType": "text/html"') >= 1


@pytest.mark.django_db
def test_page_links_outside_web_schemes_are_dropped(client):
    news = NewsPageFactory(
        slug="attacked-news",
        original_url="https://example.org/original",
        original_language="ru",
    )
    news.save_revision().publish()
    # Past the model's validation, as a script writing to the database would.
    type(news).objects.filter(pk=news.pk).update(source_url="javascript:alert(1)")
    data = client.get(f"/api/v1/pages/{news.pk}/").json()
    assert data["source_url"] == ""
    assert data["original_url"] == "https://example.org/original"

"""Rich text as a typed tree: the same text, links and whitelist as the HTML."""

import pytest
from pydantic import TypeAdapter

from wagtail.models import PageViewRestriction

from caseblocks.blocks.schemas import RichTextTree
from caseblocks.blocks.tree import rich_text_tree
from tests.factories import CasePageFactory, CountryPageFactory

validate = TypeAdapter(RichTextTree).validate_python


def text(value, *marks):
    return {"type": "text", "text": value, "marks": list(marks)}


@pytest.mark.django_db
def test_paragraphs_headings_lists_and_marks():
    tree = rich_text_tree(
        '<h3 data-block-key="a">Arrest</h3>'
        "<p>He was <b>detained</b> in <i>2010, <b>at night</b></i>.<br/>Then:</p>"
        "<ol><li>tried</li><li>sentenced<ul><li>to life</li></ul></li></ol>"
    )
    validate(tree)
    assert tree == [
        {"type": "heading", "level": 3, "children": [text("Arrest")]},
        {
            "type": "paragraph",
            "children": [
                text("He was "),
                text("detained", "bold"),
                text(" in "),
                text("2010, ", "italic"),
                text("at night", "italic", "bold"),
                text("."),
                {"type": "line_break"},
                text("Then:"),
            ],
        },
        {
            "type": "list",
            "ordered": True,
            "children": [
                {"type": "list_item", "children": [text("tried")]},
                {
                    "type": "list_item",
                    "children": [
                        text("sentenced"),
                        {
                            "type": "list",
                            "ordered": False,
                            "children": [
                                {"type": "list_item", "children": [text("to life")]}
                            ],
                        },
                    ],
                },
            ],
        },
    ]


@pytest.mark.parametrize(
    "source",
    [
        "<p>a<script>alert(1)</script>b</p>",
        '<p>a<img src="x" onerror="alert(1)">b</p>',
        "<p>a<style>p{}</style><iframe src='https://evil'></iframe>b</p>",
        "<p>a<!-- comment --><svg><a href='javascript:x'>s</a></svg>b</p>",
    ],
)
def test_nothing_unsafe_comes_out(source):
    tree = rich_text_tree(source)
    validate(tree)
    assert tree == [{"type": "paragraph", "children": [text("a"), text("b")]}]


def test_unsafe_link_addresses_lose_their_href():
    tree = rich_text_tree(
        '<p><a href="javascript:alert(1)">x</a><a href="https://example.org/?a=1&amp;b">y</a></p>'
    )
    links = tree[0]["children"]
    assert [(link["href"], link["page"]) for link in links] == [
        (None, None),
        ("https://example.org/?a=1&b", None),
    ]
    assert links[0]["children"] == [text("x")]


def test_text_is_text_not_markup():
    tree = rich_text_tree("<p>&lt;b&gt;not bold&lt;/b&gt; <unknown>kept</unknown></p>")
    assert tree[0]["children"] == [text("<b>not bold</b> "), text("kept")]


@pytest.mark.django_db
def test_page_links_are_front_end_paths_and_private_pages_stay_unnamed():
    public = CountryPageFactory(slug="kazakhstan", iso_code="KZ")
    private = CountryPageFactory(slug="secret-person", iso_code="UZ")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    tree = rich_text_tree(
        f'<p><a linktype="page" id="{public.pk}">public</a>'
        f'<a linktype="page" id="{private.pk}">private</a>'
        '<a linktype="page" id="999999">gone</a></p>'
    )
    links = tree[0]["children"]
    assert [(link["href"], link["page"]) for link in links] == [
        ("/en/countries/kazakhstan/", public.pk),
        (None, None),
        (None, None),
    ]


@pytest.mark.django_db
def test_the_page_api_gives_trees_on_request(client):
    country = CountryPageFactory(slug="kazakhstan", iso_code="KZ")
    link = f'<a linktype="page" id="{country.pk}">the country</a>'
    page = CasePageFactory(
        slug="tree", body=[("rich_text", f"<p>See {link}.</p>")], country=country
    )
    html = client.get(f"/api/v1/pages/{page.pk}/").json()["body"][0]["value"]
    assert html == '<p>See <a href="/en/countries/kazakhstan/">the country</a>.</p>'
    for url in (
        f"/api/v1/pages/{page.pk}/?format=tree",
        "/api/v1/pages/find/?path=/en/cases/tree/&format=tree",
    ):
        value = client.get(url).json()["body"][0]["value"]
        assert value == [
            {
                "type": "paragraph",
                "children": [
                    text("See "),
                    {
                        "type": "link",
                        "href": "/en/countries/kazakhstan/",
                        "page": country.pk,
                        "children": [text("the country")],
                    },
                    text("."),
                ],
            }
        ]
    # The HTML form is still what a request without the parameter gets.
    assert client.get(f"/api/v1/pages/{page.pk}/").json()["body"][0]["value"] == html
    bad = client.get(f"/api/v1/pages/{page.pk}/?format=xml")
    assert bad.status_code == 400
    assert "format" in bad.content.decode()


@pytest.mark.django_db
def test_the_openapi_document_describes_the_tree(client):
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    assert {"ParagraphNode", "HeadingNode", "ListNode", "LinkNode", "TextNode"} <= set(
        schemas
    )
    parameters = document["paths"]["/api/v1/pages/{id}/"]["get"]["parameters"]
    assert "format" in [parameter["name"] for parameter in parameters]


@pytest.mark.django_db
def test_links_lead_to_the_translation_in_the_readers_language(client):
    from wagtail.models import Locale

    italian = Locale.objects.create(language_code="it")
    country = CountryPageFactory(slug="kazakhstan", iso_code="KZ")
    untranslated = CountryPageFactory(slug="uzbekistan", iso_code="UZ")
    translated_country = country.copy_for_translation(italian, copy_parents=True)
    translated_country.save_revision().publish()
    links = (
        f'<a linktype="page" id="{country.pk}">a</a>'
        f'<a linktype="page" id="{untranslated.pk}">b</a>'
    )
    page = CasePageFactory(slug="links", body=[("rich_text", f"<p>{links}</p>")])
    translation = page.copy_for_translation(italian, copy_parents=True)
    translation.save_revision().publish()
    english = client.get(f"/api/v1/pages/{page.pk}/").json()["body"][0]["value"]
    assert english == (
        '<p><a href="/en/countries/kazakhstan/">a</a>'
        '<a href="/en/countries/uzbekistan/">b</a></p>'
    )
    body = client.get(f"/api/v1/pages/{translation.pk}/").json()["body"]
    assert body[0]["value"] == (
        '<p><a href="/it/countries/kazakhstan/">a</a>'
        '<a href="/en/countries/uzbekistan/">b</a></p>'
    )
    tree = client.get(f"/api/v1/pages/{translation.pk}/?format=tree").json()["body"]
    assert [(n["href"], n["page"]) for n in tree[0]["value"][0]["children"]] == [
        ("/it/countries/kazakhstan/", translated_country.pk),
        ("/en/countries/uzbekistan/", untranslated.pk),
    ]

"""HTML and links from stored block values, made safe on their way to the API.

The editor only produces what a block's features allow, but values also arrive by
other routes (imports, scripts, translations, a StreamField saved directly), and
Wagtail's ``expand_db_html`` passes whatever HTML is stored. What the API hands
to front-ends is cleaned on the way out instead.
"""

from functools import lru_cache
from urllib.parse import urlsplit

from wagtail.whitelist import DEFAULT_ELEMENT_RULES, Whitelister, attribute_rule

# Elements removed with everything in them: their content is not text to show.
DROPPED_ELEMENTS = frozenset(
    {
        "embed",
        "iframe",
        "math",
        "noscript",
        "object",
        "script",
        "select",
        "style",
        "svg",
        "template",
        "textarea",
        "title",
    }
)
WEB_SCHEMES = frozenset({"http", "https"})


class APIWhitelister(Whitelister):
    """Wagtail's whitelist (text elements, links only to safe schemes) without
    images, which the rich text blocks do not offer, keeping the editor's
    ``data-block-key`` on text elements."""

    element_rules = {
        **{
            name: attribute_rule({"data-block-key": True})
            for name in DEFAULT_ELEMENT_RULES
            if name not in {"[document]", "a", "img"}
        },
        "[document]": DEFAULT_ELEMENT_RULES["[document]"],
        "a": DEFAULT_ELEMENT_RULES["a"],
    }

    def clean_tag_node(self, doc, tag):
        if tag.name in DROPPED_ELEMENTS:
            tag.decompose()
            return
        super().clean_tag_node(doc, tag)


@lru_cache(maxsize=1024)
def clean_html(html):
    """``html`` with only whitelisted elements and attributes, text escaped.

    Parsing costs about a millisecond per kilobyte; the same stored text is
    served again and again, so recent answers are remembered.
    """
    return APIWhitelister().clean(html) if html else html


def web_url(url):
    """``url`` if it is an http(s) address, else None (``javascript:``, ``data:``…)."""
    if url and urlsplit(url.strip()).scheme.lower() in WEB_SCHEMES:
        return url
    return None

"""What an embed block hands to front-ends: the provider's data, stored at save.

Wagtail's ``EmbedBlock`` asks the embed finders (``WAGTAILEMBEDS_FINDERS``) when
the editor saves (its ``clean``), and Wagtail keeps the answer in its ``Embed``
table. The API reads that table only: no request waits for a provider, and an
embed never fetched (a value stored some other way) carries its URL alone.

The provider's HTML is never passed on as it came. An iframe whose address is
https on one of ``EMBED_IFRAME_HOSTS`` is rebuilt from its address, size and
title, sandboxed; anything else (scripts, other providers, other markup) gives
no HTML at all.
"""

from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from django.utils.html import format_html

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from caseblocks.conf import get_setting

from .sanitise import web_url

SANDBOX = "allow-scripts allow-same-origin allow-presentation allow-popups"


def stored_embed(value):
    """The Embed row Wagtail stored for ``value`` (an EmbedValue), or None."""
    # Only a web address was ever fetched by a finder: nothing else to look up.
    if value is None or not web_url(value.url):
        return None
    embed_hash = get_embed_hash(value.url, value.max_width, value.max_height)
    return Embed.objects.filter(hash=embed_hash).first()


def dimension(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= 10000 else None


def iframe_html(html):
    """A sandboxed iframe rebuilt from the provider's, or None if it is not one
    from an allowed host."""
    if not html:
        return None
    frames = BeautifulSoup(html, "html.parser").find_all("iframe")
    if len(frames) != 1:
        return None
    frame = frames[0]
    src = str(frame.get("src", "")).strip()
    parts = urlsplit(src)
    if parts.scheme != "https" or parts.hostname not in get_setting(
        "EMBED_IFRAME_HOSTS"
    ):
        return None
    width = dimension(frame.get("width")) or ""
    height = dimension(frame.get("height")) or ""
    return format_html(
        '<iframe src="{}" width="{}" height="{}" title="{}" sandbox="{}" '
        'loading="lazy" referrerpolicy="strict-origin-when-cross-origin" '
        "allowfullscreen></iframe>",
        src,
        width,
        height,
        str(frame.get("title", "")),
        SANDBOX,
    )


def embed_api_representation(value):
    embed = stored_embed(value)
    if embed is None:
        return {
            "html": None,
            "title": "",
            "provider_name": "",
            "thumbnail_url": None,
            "width": None,
            "height": None,
        }
    return {
        "html": iframe_html(embed.html),
        "title": embed.title or "",
        "provider_name": embed.provider_name or "",
        "thumbnail_url": web_url(embed.thumbnail_url),
        "width": dimension(embed.width),
        "height": dimension(embed.height),
    }

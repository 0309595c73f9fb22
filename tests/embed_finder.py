"""An embed finder that answers from a table, so no test reaches a provider.

The test settings list it in ``WAGTAILEMBEDS_FINDERS``. ``CALLS`` records each
URL it was asked for, so a test can tell whether a request asked a finder.
"""

from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder

CALLS = []

EMBEDS = {
    "https://video.example.org/free-azimjan-askarov": {
        "title": "Supporters deliver the petition",
        "author_name": "Casebook demo",
        "provider_name": "Example Video",
        "type": "video",
        "thumbnail_url": "https://video.example.org/thumbs/askarov.jpg",
        "width": 640,
        "height": 360,
        "html": '<iframe src="https://www.youtube-nocookie.com/embed/demo" '
        'width="640" height="360" title="Supporters deliver the petition" '
        'onload="alert(1)"></iframe><script>alert(2)</script>',
    },
    "https://other.example.net/post/1": {
        "title": "A post",
        "author_name": "",
        "provider_name": "Other",
        "type": "rich",
        "thumbnail_url": "javascript:alert(3)",
        "width": None,
        "height": None,
        "html": '<iframe src="https://other.example.net/embed/1"></iframe>',
    },
}


class LocalEmbedFinder(EmbedFinder):
    def __init__(self, **options):
        pass

    def accept(self, url):
        return url in EMBEDS

    def find_embed(self, url, max_width=None, max_height=None):
        CALLS.append(url)
        if url not in EMBEDS:
            raise EmbedNotFoundException
        return dict(EMBEDS[url])

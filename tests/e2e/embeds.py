"""An embed finder for browser tests: the oEmbed providers are out of reach here.

Name it in ``WAGTAILEMBEDS_FINDERS`` (``{"class": "tests.e2e.embeds"}``) and clear
``wagtail.embeds.finders.get_finders``'s cache before and after, since Wagtail
reads the setting once.
"""

from wagtail.embeds.finders.base import EmbedFinder

VIDEO_URL = "https://video.example.org/watch/askarov-appeal"


class FixedEmbedFinder(EmbedFinder):
    """Finds ``VIDEO_URL`` only, answering as a video provider's oEmbed would."""

    def accept(self, url):
        return url == VIDEO_URL

    def find_embed(self, url, max_width=None, max_height=None):
        return {
            "title": "Appeal for Azimjan Askarov",
            "author_name": "Casebook",
            "provider_name": "Example Video",
            "type": "video",
            "thumbnail_url": "",
            "width": 640,
            "height": 360,
            "html": (
                '<iframe width="640" height="360" title="Appeal for Azimjan Askarov"'
                ' src="https://video.example.org/embed/askarov-appeal"></iframe>'
            ),
        }


embed_finder_class = FixedEmbedFinder

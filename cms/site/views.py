"""The language prefix of the pages' front-end paths, for Wagtail's page serving."""

from django.utils import translation

from wagtail import views


def serve_in_language(request, language, path):
    """Serve ``/<language>/<path>`` as Wagtail serves ``<path>`` in that language.

    Wagtail routes from the site root's translation in the active language
    (``Site.root_page.localized``), so the language in the path picks the home
    page the path is looked up under.
    """
    with translation.override(language):
        return views.serve(request, path)

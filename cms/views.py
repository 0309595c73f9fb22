"""Django's error pages, as the site's own URLs answer them."""

from django.utils.cache import patch_vary_headers
from django.views import defaults


def page_not_found(request, exception):
    """Django's 404, varying on the session cookie like the answer it stands for.

    A restricted page's URL answers this 404 to whoever has not passed its
    restriction (``cms.models.serving.hide_restricted_pages``); deciding that
    reads the session, which adds ``Vary: Cookie``. Every 404 carries it, so a
    hidden page's answer is the same as a missing page's, header for header.
    """
    response = defaults.page_not_found(request, exception)
    patch_vary_headers(response, ["Cookie"])
    return response

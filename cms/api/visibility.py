"""What an anonymous reader may see: the only pages the public API serves.

Wagtail's ``get_public_pages_queryset`` (shared by its API v2 and v3) decides:
live pages, without a view restriction, in the requested site. It asks each view
restriction whether the request passes it, and a signed-in editor or a session
that entered a page password would pass. The public API answers every caller as
an anonymous reader, so responses can be cached and shared.
"""

from django.contrib.auth.models import AnonymousUser

from wagtail.api.querysets import get_public_pages_queryset
from wagtail.models import Page


class AnonymousRequest:
    """The request as an anonymous reader without a session would make it."""

    def __init__(self, request):
        self._request = request
        self.user = AnonymousUser()
        self.session = {}

    def __getattr__(self, name):
        return getattr(self._request, name)


def public_pages(request, model=Page):
    """Live public pages of ``model`` in the request's site, for an anonymous reader."""
    cache = request.__dict__.setdefault("_cms_public_pages", {})
    if model not in cache:
        cache[model] = get_public_pages_queryset(AnonymousRequest(request), model)
    return cache[model].all()

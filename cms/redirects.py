"""Wagtail's redirects, for the addresses readers visit: never for the API's."""

from wagtail.contrib.redirects.middleware import RedirectMiddleware

from cms.api import mount


class SiteRedirectMiddleware(RedirectMiddleware):
    """Wagtail's ``RedirectMiddleware``, with the API left out.

    An editor's redirect takes a page's old address to its new one, and no API
    address is a page's. Looking one up cost every 404 of the API three queries
    (the site, then the redirect with and without its query string). Anyone
    probing ids or paths could make the database run them.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(mount.PREFIX):
            return response
        return super().process_response(request, response)

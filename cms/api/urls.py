"""URLs under ``/api/``: ours at v1, its browsable docs, and Wagtail's API v2."""

from ninja.openapi.views import openapi_view

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.urls import Resolver404, path, re_path, resolve

from cms.api import mount
from cms.api.api import build_api
from cms.api.errors import error_response
from cms.api.guards import guarded_urls
from cms.api.v2 import router as v2_router

api = build_api()


def docs(request):
    return openapi_view(request, api)


def unknown_route(request):
    """Any other address under v1/: a JSON 404 in the API's error shape.

    An id that is not a number, or a path parameter holding an encoded slash, never
    reaches a route; clients still read JSON. Like Django's APPEND_SLASH, an address
    that exists with a trailing slash is redirected there.
    """
    if settings.APPEND_SLASH and not request.path_info.endswith("/"):
        try:
            match = resolve(f"{request.path_info}/")
        except Resolver404:
            match = None
        if match is not None and match.func is not unknown_route:
            return HttpResponsePermanentRedirect(
                request.get_full_path(force_append_slash=True)
            )
    return error_response(request, 404, None, "No such address in this API.")


urlpatterns = [
    path(mount.V1, guarded_urls(api.urls)),
    re_path(rf"^{mount.V1}", unknown_route),
    path("docs", docs, name="api_docs"),
    path(mount.V2, v2_router.urls),
]

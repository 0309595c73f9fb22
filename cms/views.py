"""Django's error pages, as the site's own URLs answer them."""

from django.http import JsonResponse
from django.utils.cache import patch_vary_headers
from django.views import defaults

from cms.api import mount

NOT_FOUND = "Not found."


def page_not_found(request, exception):
    """Django's 404, varying on the session cookie like the answer it stands for.

    A restricted page's URL answers this 404 to whoever has not passed its
    restriction (``cms.models.serving.hide_restricted_pages``); deciding that
    reads the session, which adds ``Vary: Cookie``. Every 404 carries it, so a
    hidden page's answer is the same as a missing page's, header for header.

    Below ``/api/`` the answer is JSON in the shape of the API asked (an id
    that is not a number matches no route): ``{"message": ...}`` for Wagtail's
    API v2, ``{"errors": [...]}`` for ours.
    """
    if request.path.startswith(mount.PREFIX + mount.V2):
        response = JsonResponse({"message": NOT_FOUND}, status=404)
    elif request.path.startswith(mount.PREFIX):
        body = {"errors": [{"field": None, "message": NOT_FOUND}]}
        response = JsonResponse(body, status=404)
    else:
        response = defaults.page_not_found(request, exception)
    patch_vary_headers(response, ["Cookie"])
    return response

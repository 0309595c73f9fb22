"""URLs under ``/api/``: ours at v1, its browsable docs, and Wagtail's API v2."""

from ninja.openapi.views import openapi_view

from django.urls import path

from cms.api.api import build_api
from cms.api.v2 import router as v2_router

api = build_api()


def docs(request):
    return openapi_view(request, api)


urlpatterns = [
    path("v1/", api.urls),
    path("docs", docs, name="api_docs"),
    path("v2/", v2_router.urls),
]

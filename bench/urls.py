"""The project's URLs plus the ceiling: a bare view returning a stored response."""

from django.conf import settings
from django.http import HttpResponse
from django.urls import include, path

CEILING = settings.BASE_DIR / "bench" / "results" / "ceiling.json"


def ceiling(request):
    # Read once per process: the cost of Django itself, with no database or JSON.
    if not hasattr(ceiling, "body"):
        ceiling.body = CEILING.read_bytes()
    return HttpResponse(ceiling.body, content_type="application/json")


urlpatterns = [path("bench/ceiling/", ceiling), path("", include("cms.urls"))]

from django.urls import re_path

from cms.paths import language_codes
from cms.site.views import serve_in_language


def language_pattern():
    # Longest first, so that "zh-hant" is not taken for a shorter code.
    codes = sorted(language_codes(), key=len, reverse=True)
    return "|".join(code.replace("-", r"\-") for code in codes)


urlpatterns = [
    re_path(
        rf"^(?P<language>{language_pattern()})/(?P<path>(?:[\w\-]+/)*)$",
        serve_in_language,
        name="casebook_page",
    ),
]

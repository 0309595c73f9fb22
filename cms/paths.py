"""Front-end paths: how the API names a page's public address.

The scheme is ``/<language code>/<path below the locale's home page>/``: the home
page of the Italian tree is ``/it/``, a case below it ``/it/cases/erzhan-elshibayev/``.
Home pages sit at depth 2, one per locale (translations of the site's root page),
so the path below the home is the page's ``url_path`` without its first segment.
"""

import re

from django.conf import settings

FRONTEND_PATH = re.compile(
    r"^/(?P<language>[a-z]{2,3}(?:-[a-z0-9]+)*)/(?P<rest>(?:[\w-]+/)*)$"
)


def language_codes():
    return {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}


def frontend_path(url_path, language_code):
    """The front-end path of a page with this ``url_path`` in this language."""
    below_home = url_path.strip("/").partition("/")[2]
    return f"/{language_code}/{below_home}/" if below_home else f"/{language_code}/"


def page_path(page):
    return frontend_path(page.url_path, page.locale.language_code)


def parse_frontend_path(path):
    """Split a front-end path into ``(language_code, path below home)``.

    Raise ValueError with a reader's message if the path is not one this API makes.
    """
    if path and not path.endswith("/"):
        path += "/"
    match = FRONTEND_PATH.match(path or "")
    if not match:
        raise ValueError("Give a path like /en/cases/some-case/.")
    if match["language"] not in language_codes():
        raise ValueError(f"Unknown language '{match['language']}' in the path.")
    return match["language"], match["rest"]


def page_lookup(path):
    """Filter arguments that find the page at a front-end path within one site."""
    language, rest = parse_frontend_path(path)
    return {
        "locale__language_code": language,
        "depth": 2 + rest.count("/"),
        "url_path__endswith": "/" + rest,
    }

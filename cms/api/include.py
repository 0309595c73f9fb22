"""``include=``: a page's related pages in the same answer as the page.

A front-end builds a country page, a case or a news post from one request:
``/pages/{id}/?include=cases,news`` adds, under ``included``, the first teasers of
each related list in the page's language, with ``total`` and a ``next`` link that
pages on through ``/pages/`` with the same filters. Each list costs the queries of
one listing, whatever the number of its items.
"""

from cms.api.errors import BadRequest
from cms.api.listing import DEFAULT_ORDER, page_listing
from cms.conf import get_setting
from cms.models import CountryPage


def _country(version):
    iso = (
        CountryPage.objects.filter(pk=version["pk"])
        .values_list("iso_code", flat=True)
        .first()
    )
    return {"country": iso}


# Page type → include name → the listing filters of the related pages.
INCLUDES = {
    "country": {
        "cases": lambda version: {"type": "case", **_country(version)},
        "news": lambda version: {"type": "news", **_country(version)},
    },
    "case": {"news": lambda version: {"type": "news", "case": version["pk"]}},
    "news": {"cases": lambda version: {"type": "case", "news": version["pk"]}},
}
NAMES = sorted({name for names in INCLUDES.values() for name in names})
DESCRIPTION = (
    "Related pages to add under 'included', comma-separated: a country's "
    "'cases' and 'news', a case's 'news', a news post's 'cases'."
)


def parse(value, names=NAMES):
    """The include names asked for among ``names``, or 400 naming ``include``."""
    if not value:
        return []
    asked = [name.strip() for name in value.split(",") if name.strip()]
    if any(name not in names for name in asked):
        raise BadRequest("include", f"Unknown include. Use: {', '.join(names)}.")
    return list(dict.fromkeys(asked))


def included(request, page_type, version, names):
    """The related listings named in ``names`` for the page ``version``."""
    offered = INCLUDES.get(page_type, {})
    refused = [name for name in names if name not in offered]
    if refused:
        raise BadRequest(
            "include", f"Pages of type '{page_type}' have no '{refused[0]}' to include."
        )
    limit = get_setting("INCLUDE_LIMIT")
    locale = version["locale__language_code"]
    return {
        name: page_listing(
            request,
            {**offered[name](version), "locale": locale},
            DEFAULT_ORDER,
            limit,
            0,
        )
        for name in names
    }

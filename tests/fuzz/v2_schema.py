"""An OpenAPI description of API v2's public routes, for the fuzzer.

Wagtail's API v2 publishes no OpenAPI document. This one describes the
parameters its page and image routes read (``wagtail/api/v2/views.py``,
``filters.py``, ``pagination.py``) as far as v2 checks them: what it declares
invalid, v2 must refuse with a 4xx. Every answer is JSON except the redirect of
``/pages/find/`` to the page's detail URL.
"""

JSON_OBJECT = {"application/json": {"schema": {"type": "object"}}}
ANSWERS = {
    "200": {"description": "Found", "content": JSON_OBJECT},
    "400": {"description": "A parameter v2 cannot act on", "content": JSON_OBJECT},
    "404": {"description": "No such public page or image", "content": JSON_OBJECT},
}


def query(name, schema):
    return {"name": name, "in": "query", "required": False, "schema": schema}


NUMBER = {"type": "integer", "minimum": 0}
SEARCH = [
    query("search", {"type": "string"}),
    query("search_operator", {"type": "string", "enum": ["and", "or"]}),
]
LISTING = [
    query("offset", NUMBER),
    query("limit", {"type": "integer", "minimum": 0, "maximum": 20}),
    query("fields", {"type": "string"}),
    query("order", {"type": "string"}),
]
PAGE_FILTERS = [
    query("type", {"type": "string"}),
    query("child_of", NUMBER),
    query("descendant_of", NUMBER),
    query("ancestor_of", NUMBER),
    query("translation_of", NUMBER),
    query("locale", {"type": "string"}),
]
ID = {"name": "id", "in": "path", "required": True, "schema": NUMBER}


def get(summary, parameters, answers=ANSWERS):
    return {"get": {"summary": summary, "parameters": parameters, "responses": answers}}


SCHEMA = {
    "openapi": "3.0.3",
    "info": {"title": "Casebook: Wagtail API v2 (public routes)", "version": "2"},
    "paths": {
        "/api/v2/pages/": get("Pages", [*LISTING, *PAGE_FILTERS, *SEARCH]),
        "/api/v2/pages/{id}/": get("A page", [ID, query("fields", {"type": "string"})]),
        "/api/v2/pages/find/": get(
            "Find a page by its path or id",
            [query("html_path", {"type": "string"}), query("id", NUMBER)],
            {
                "302": {"description": "To the page's detail URL"},
                "400": ANSWERS["400"],
                "404": ANSWERS["404"],
            },
        ),
        "/api/v2/images/": get("Images public pages show", [*LISTING, *SEARCH]),
        "/api/v2/images/{id}/": get("An image", [ID]),
    },
}

"""The delivery API, built once when the URLconf is imported.

The core routers come first; then those plugins registered through
``cms.api.registry.register_router`` in their ``AppConfig.ready()``.
"""

from ninja import NinjaAPI

from cms.api.errors import register_exception_handlers
from cms.api.registry import get_routers

BAD_REQUEST = {
    "description": "Bad parameters: each error names the parameter to fix.",
    "content": {
        "application/json": {"schema": {"$ref": "#/components/schemas/Errors"}}
    },
}


class DeliveryAPI(NinjaAPI):
    """Documents the 400 that any operation answers to parameters it cannot read.

    Ninja's validation and ``cms.api.guards`` stand in front of every route,
    plugins' routes included, so each operation may answer it.
    """

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        for operations in schema["paths"].values():
            for operation in operations.values():
                responses = {400: BAD_REQUEST, **operation["responses"]}
                operation["responses"] = dict(sorted(responses.items()))
        return schema


def build_api():
    from cms.api.routers.campaigns import router as campaigns_router
    from cms.api.routers.countries import router as countries_router
    from cms.api.routers.pages import router as pages_router
    from cms.api.routers.preview import router as preview_router

    api = DeliveryAPI(
        title="Casebook delivery API",
        version="1",
        # Markdown, shown as HTML by /api/docs: placeholders go in code spans, or
        # the browser takes "<language code>" for a tag and shows nothing.
        description=(
            "Published, public content for front-ends. Page paths follow "
            "`/<language code>/<path below the language's home page>/`. "
            "Add `include=` to a page's detail for its related pages "
            "(`?include=cases,news` on a country)."
        ),
        urls_namespace="cms_api",
        openapi_url="/openapi.json",
        docs_url=None,
    )
    register_exception_handlers(api)
    api.add_router("/pages/", pages_router)
    api.add_router("/pages/", "caseblocks.letters.api.router")
    api.add_router("/countries/", countries_router)
    api.add_router("/campaigns/", campaigns_router)
    api.add_router("/preview/", preview_router)
    api.add_router("/actions/", "caseblocks.api.router")
    for prefix, router in get_routers():
        api.add_router(prefix, router)
    return api

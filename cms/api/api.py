"""The delivery API, built once when the URLconf is imported.

The core routers come first; then those plugins registered through
``cms.api.registry.register_router`` in their ``AppConfig.ready()``.
"""

from ninja import NinjaAPI

from cms.api.errors import register_exception_handlers
from cms.api.registry import get_routers


def build_api():
    from cms.api.routers.countries import router as countries_router
    from cms.api.routers.pages import router as pages_router
    from cms.api.routers.preview import router as preview_router

    api = NinjaAPI(
        title="Casebook delivery API",
        version="1",
        description=(
            "Published, public content for front-ends. Page paths follow "
            "/<language code>/<path below the language's home page>/."
        ),
        urls_namespace="cms_api",
        openapi_url="/openapi.json",
        docs_url=None,
    )
    register_exception_handlers(api)
    api.add_router("/pages/", pages_router)
    api.add_router("/countries/", countries_router)
    api.add_router("/preview/", preview_router)
    api.add_router("/actions/", "caseblocks.api.router")
    for prefix, router in get_routers():
        api.add_router(prefix, router)
    return api

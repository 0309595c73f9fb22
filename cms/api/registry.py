"""Routers that plugins add to the delivery API.

A plugin registers its router from its ``AppConfig.ready()``::

    from cms.api.registry import register_router
    register_router("/search/", router)

``cms.api.urls`` builds the API once, when the URLconf is first imported, after
every app's ``ready()`` has run.
"""

_routers = []


def register_router(prefix, router):
    _routers.append((prefix, router))


def get_routers():
    return list(_routers)

"""Where the delivery API is mounted, declared once.

The URLs, the 404 page, the redirects middleware, CORS and the publish
webhooks all read it here.
Imported by the settings: it imports nothing.
"""

PREFIX = "/api/"
# Below ``PREFIX``: our API, and Wagtail's API v2.
V1 = "v1/"
V2 = "v2/"

"""Where the delivery API is mounted, declared once.

The URLs, the 404 page, the redirects middleware and CORS all read it here.
Imported by the settings: it imports nothing.
"""

PREFIX = "/api/"
# Wagtail's API v2, below ``PREFIX``.
V2 = "v2/"

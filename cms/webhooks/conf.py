"""The webhooks' one settings dict, ``CASEBOOK_WEBHOOKS``, read here only.

``ENDPOINTS`` lists where to POST each content event: ``{"NAME": ..., "URL": ...,
"SECRET": ...}``. The name is what staff see and what a delivery records; the URL
and the secret stay in the settings (production reads them from the
environment), so no screen ever shows them back.
"""

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings

DEFAULTS = {
    "ENDPOINTS": [],
    "TIMEOUT": 5,  # seconds to connect and then to wait for each read
    "MAX_ATTEMPTS": 10,
    "RETRY_BACKOFF": 30,  # seconds before the second attempt, doubling after
    "MAX_BACKOFF": 3600,  # the longest wait between two attempts
    "KEEP_DAYS": 30,  # finished deliveries are deleted after this (send_webhooks)
}


@dataclass(frozen=True)
class Endpoint:
    name: str
    url: str
    secret: str = ""

    def __repr__(self):
        return f"Endpoint(name={self.name!r})"  # never the secret, nor the URL's query


def get_setting(name):
    return {**DEFAULTS, **getattr(settings, "CASEBOOK_WEBHOOKS", {})}[name]


def endpoint_name(entry):
    """The entry's NAME, else its host: how staff and the records know it."""
    return str(entry.get("NAME") or urlsplit(str(entry.get("URL", ""))).hostname or "")


def endpoints():
    """The configured endpoints (``checks`` reports the malformed ones)."""
    return [
        Endpoint(endpoint_name(e), str(e["URL"]), str(e.get("SECRET") or ""))
        for e in get_setting("ENDPOINTS")
        if isinstance(e, dict) and e.get("URL")
    ]


def endpoint(name):
    return next((e for e in endpoints() if e.name == name), None)

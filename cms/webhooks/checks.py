"""System checks of ``CASEBOOK_WEBHOOKS``: ``webhooks.E001`` a malformed endpoint,
``webhooks.E002`` an endpoint without a secret, and with ``--deploy``
``webhooks.E003`` an endpoint that is not https.

Messages name an endpoint by its name (or its place in the list), never by its
URL or secret: a URL can carry a token in its query.
"""

from urllib.parse import urlsplit

from django.core import checks

from .conf import endpoint_name, get_setting


def label(index, entry):
    name = endpoint_name(entry) if isinstance(entry, dict) else ""
    return f"endpoint {index + 1} ({name})" if name else f"endpoint {index + 1}"


def entries():
    configured = get_setting("ENDPOINTS")
    return list(enumerate(configured)) if isinstance(configured, list | tuple) else None


@checks.register()
def check_endpoints(app_configs=None, **kwargs):
    listed = entries()
    if listed is None:
        return [
            checks.Error(
                "CASEBOOK_WEBHOOKS['ENDPOINTS'] must be a list.", id="webhooks.E001"
            )
        ]
    errors, names = [], set()
    for index, entry in listed:
        where = label(index, entry)
        url = entry.get("URL") if isinstance(entry, dict) else None
        if not isinstance(url, str) or urlsplit(url).scheme not in ("http", "https"):
            errors.append(
                checks.Error(
                    f"Webhook {where} needs a URL starting with https://.",
                    hint='Give each endpoint {"NAME": ..., "URL": ..., "SECRET": ...}.',
                    id="webhooks.E001",
                )
            )
            continue
        name = endpoint_name(entry)
        if name in names:
            errors.append(
                checks.Error(
                    f"Two webhook endpoints are named {name!r}.",
                    hint="Give each endpoint its own NAME.",
                    id="webhooks.E001",
                )
            )
        names.add(name)
        if not entry.get("SECRET"):
            errors.append(
                checks.Error(
                    f"Webhook {where} has no SECRET: receivers could not tell its "
                    "requests from anyone's.",
                    hint="Set a long random SECRET, shared with the receiver only.",
                    id="webhooks.E002",
                )
            )
    return errors


@checks.register(deploy=True)
def check_endpoints_use_https(app_configs=None, **kwargs):
    return [
        checks.Error(
            f"Webhook {label(index, entry)} is sent over plain http://: anyone on "
            "the way reads every event and can replay it.",
            hint="Use an https:// URL.",
            id="webhooks.E003",
        )
        for index, entry in entries() or []
        if isinstance(entry, dict)
        and isinstance(entry.get("URL"), str)
        and urlsplit(entry["URL"]).scheme == "http"
    ]

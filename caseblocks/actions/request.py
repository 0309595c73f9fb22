"""Reading a JSON request body, with a reader's message when it is not one."""

import json


def read_json(request):
    """Return ``(object, None)`` or ``(None, problem)`` for the request body."""
    if not request.content_type.startswith("application/json"):
        return None, "Send the submission as application/json."
    try:
        payload = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        return None, "The body is not valid JSON."
    if not isinstance(payload, dict):
        return None, "Send a JSON object."
    return payload, None

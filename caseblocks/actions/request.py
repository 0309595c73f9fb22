"""Reading a JSON request body, with a reader's message when it is not one."""

import json

from django.core.exceptions import RequestDataTooBig


def read_json(request):
    """Return ``(object, None)`` or ``(None, problem)`` for the request body."""
    if not request.content_type.startswith("application/json"):
        return None, "Send the submission as application/json."
    try:
        body = request.body
    except RequestDataTooBig:
        return None, "The body is too large."
    try:
        payload = json.loads(body or b"null")
    except (ValueError, UnicodeDecodeError, RecursionError):
        return None, "The body is not valid JSON."
    if not isinstance(payload, dict):
        return None, "Send a JSON object."
    if not encodable(payload):
        # JSON may escape half of a surrogate pair ("\ud800"): no database stores it.
        return None, "The body holds text that is not valid Unicode."
    return payload, None


def encodable(payload):
    try:
        json.dumps(payload, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return False
    return True

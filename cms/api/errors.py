"""JSON errors of the delivery API: ``{"errors": [{"field": ..., "message": ...}]}``.

Bad query parameters answer 400 naming the parameter (ninja's own validation
answers 422; a client cares which parameter to fix, not the status nuance). A
database that cannot be reached answers 503 with ``Retry-After``.
"""

import logging

from ninja import Schema
from ninja.errors import HttpError, ValidationError

from django.db import InterfaceError, OperationalError
from django.http import Http404

from cms.api.caching import json_response

logger = logging.getLogger(__name__)

# Seconds a client should wait before trying again after a 503.
RETRY_AFTER = 5


class ErrorItem(Schema):
    field: str | None
    message: str


class Errors(Schema):
    """What went wrong, each error naming the field or parameter to fix."""

    errors: list[ErrorItem]


def errors_json(*errors, schema=Errors, **extra):
    """The envelope of ``errors``, ``(field, message)`` pairs, made by ``schema``."""
    items = [ErrorItem(field=field, message=str(message)) for field, message in errors]
    return schema(errors=items, **extra).model_dump(mode="json")


class BadRequest(Exception):
    """A query parameter the API cannot act on."""

    status = 400

    def __init__(self, field, message):
        super().__init__(message)
        self.field = field
        self.message = message


class Unauthorized(BadRequest):
    status = 401


class Forbidden(BadRequest):
    status = 403


def error_response(request, status, field, message):
    return json_response(request, errors_json((field, message)), status=status)


def on_validation_error(request, exc):
    errors = []
    for error in exc.errors:
        # ("query", "limit"): the first part says where the parameter was.
        location = [str(part) for part in error.get("loc", ())[1:]]
        errors.append((location[0] if location else None, error["msg"]))
    return json_response(request, errors_json(*errors), status=400)


def on_bad_request(request, exc):
    return error_response(request, exc.status, exc.field, exc.message)


def on_not_found(request, exc):
    return error_response(request, 404, None, str(exc) or "Not found.")


def on_http_error(request, exc):
    # ninja's own: 401 from an endpoint's ``auth``, 403, 429; same shape as ours.
    return error_response(request, exc.status_code, None, exc.message)


def on_database_unavailable(request, exc):
    # A dropped connection, a failover or a locked database: the request's
    # transaction is rolled back with it, so the client may send it again.
    logger.error(
        "Database unavailable: %s %s", request.method, request.path, exc_info=exc
    )
    response = error_response(
        request, 503, None, "The service is briefly unavailable: try again shortly."
    )
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def register_exception_handlers(api):
    api.add_exception_handler(HttpError, on_http_error)
    api.add_exception_handler(ValidationError, on_validation_error)
    api.add_exception_handler(BadRequest, on_bad_request)
    api.add_exception_handler(Http404, on_not_found)
    api.add_exception_handler(OperationalError, on_database_unavailable)
    api.add_exception_handler(InterfaceError, on_database_unavailable)

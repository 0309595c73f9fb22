"""Delivery API routes of the action forms: ``/actions/{action_id}/``.

``router`` is mounted by the delivery API under ``/actions/``. Errors answer
the API's one envelope (``cms.api.errors.Errors``) with a 4xx status. The routes
are plain functions; ``build_router`` mounts them on a new router, since each
API a router is mounted on needs its own.
"""

from urllib.parse import quote

from ninja import Router
from pydantic import ValidationError

from django.core.cache import cache
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers

from caseblocks.actions import captcha, confirmation, ratelimits
from caseblocks.actions.identity import (
    address_fingerprint,
    client_address,
    email_fingerprint,
)
from caseblocks.actions.placement import (
    ActionNotFound,
    find_action,
    find_action_and_count,
)
from caseblocks.actions.request import read_json
from caseblocks.actions.schemas import (
    AcceptedOut,
    ActionOut,
    ClosedOut,
    ConfirmationIn,
    ConfirmedOut,
    SubmissionIn,
)
from caseblocks.actions.store import public_count, receive_submission
from caseblocks.blocks.actions import ActionKind
from caseblocks.privacy import privacy_policy
from caseblocks.tasks import enqueue_delivery, enqueue_processing, received_flag
from cms.api.errors import Errors, errors_json

ACCEPTED = 202
LINK_MISSING = "Send the token of the confirmation link."
LINK_INVALID = (
    "This confirmation link is not valid: it may have been used already or have "
    "expired. Send the form again to get a new one."
)


def uncached(response):
    """Mark ``response`` for no cache to keep: answers about actions are per request."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def error(status, field, message, **headers):
    return errors(status, [(field, message)], **headers)


def errors(status, items, **headers):
    """The API's error envelope of ``items``, ``(field, message)`` pairs."""
    response = JsonResponse(errors_json(*items), status=status)
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return uncached(response)


def not_found(action_id):
    return error(404, "action_id", f"No published action '{action_id}'.")


def closed(placement):
    body = errors_json(
        ("action_id", "This action is not open."),
        schema=ClosedOut,
        state="closed",
        closed_text=placement.closed_text,
    )
    return uncached(JsonResponse(body, status=409))


class AcceptedResponse(JsonResponse):
    """The answer to a stored submission; a task to decide it is asked for once
    the answer is sent.

    The WSGI server closes a response after writing it, so the supporter does
    not wait for the task row, when no task waits (or for the cache round trip,
    when the flag saying so was not added with the lookup: ``flag_added`` None).
    The submission is already stored: if this is lost, the next submission's
    request, or ``manage.py send_pending_messages``, decides it.
    """

    def __init__(self, *args, flag_added=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.flag_added = flag_added

    def close(self):
        try:
            enqueue_processing(self.flag_added)
        finally:
            super().close()


def accepted(placement, flag_added=None):
    # The same answer for a first submission, a repeat, a robot caught by the
    # honeypot and an address over its limit: nobody learns whether an address
    # has taken part.
    body = AcceptedOut(
        status="accepted", confirmation_text=placement.value["confirmation_text"]
    )
    response = AcceptedResponse(
        body.model_dump(), status=ACCEPTED, flag_added=flag_added
    )
    return uncached(response)


def limited_identities(request, data):
    """``{scope: identity}`` a submission counts against."""
    return {
        "ADDRESS": address_fingerprint(request),
        "EMAIL": email_fingerprint(data["email"]),
    }


def over_limit(request, data):
    """A 429 if the client address is over its limit, else None; and whether
    the e-mail address is over its own.

    Both scopes count the attempt, in one cache round trip, whatever the answer.
    The 429 depends only on the client's own attempts, never on the address it
    typed; an e-mail address over its limit is answered as accepted and dropped
    afterwards, since a 429 would tell whoever typed it that it was used lately.
    """
    waits = ratelimits.hit_scopes(limited_identities(request, data))
    if waits["ADDRESS"]:
        return too_many(waits["ADDRESS"]), False
    return None, bool(waits["EMAIL"])


def too_many(wait):
    return error(
        429, "body", "Too many submissions: wait a while.", Retry_After=str(wait)
    )


def refused(request, response):
    """``response`` (a 400), counted against the client's looser limit for them.

    A refused request uses up none of the client's allowance of submissions, so
    a supporter who fixes a typo can send the form again.
    """
    return over_malformed_limit(request) or response


def over_malformed_limit(request):
    wait = ratelimits.hit("MALFORMED", address_fingerprint(request))
    return too_many(wait) if wait else None


def mailto_link(value):
    if value["kind"] != ActionKind.EMAIL or not value["targets"]:
        return None
    recipients = ",".join(target["email"] for target in value["targets"])
    query = f"subject={quote(value['subject'] or '')}&body={quote(value['suggested_message'])}"
    return f"mailto:{recipients}?{query}"


def action_detail(
    request, response: HttpResponse, action_id: str, language: str | None = None
):
    # The count moves with every submission: no cache may hold it.
    uncached(response)
    try:
        placement = find_action(action_id, language)
    except ActionNotFound:
        return not_found(action_id)
    value = placement.value
    is_open = placement.is_open()
    # The language of the page version answering, which may not be the one asked.
    response["Content-Language"] = placement.language
    patch_vary_headers(response, ("Accept-Language",))
    return {
        "action_id": action_id,
        "kind": value["kind"],
        "language": placement.language,
        "state": "open" if is_open else "closed",
        "opens_at": value["opens_at"],
        "closes_at": value["closes_at"],
        "goal": value["goal"],
        "supporters": public_count(placement),
        "closed_text": None if is_open else placement.closed_text,
        # A closed campaign collects no more messages, by any route.
        "mailto": mailto_link(value) if is_open else None,
        "captcha": captcha.provider(),
        "privacy_policy": privacy_policy(request, placement.language),
    }


def submit(request, action_id: str):
    payload, problem = read_json(request)
    data, problems = (
        (None, None) if problem else SubmissionIn.validate_submission(payload)
    )
    if problem or problems or captcha.provider():
        return submit_checked(request, action_id, payload, problem, data, problems)
    # The common case, a well-formed submission: the action is found and the
    # attempt counted in one cache round trip.
    try:
        placement, waits, attempt, flag_added = find_action_and_count(
            action_id,
            payload.get("language"),
            limited_identities(request, data),
            received_flag(),
        )
    except ActionNotFound:
        return not_found(action_id)
    is_open = placement.is_open()
    if is_open and not waits["ADDRESS"]:
        return receive(placement, data, bool(waits["EMAIL"]), flag_added)
    if flag_added:
        # No submission follows for a task to decide.
        cache.delete(received_flag()[0])
    if not is_open:
        # Refused: the attempt uses up none of the client's allowance.
        ratelimits.give_back(attempt)
        return closed(placement)
    return too_many(waits["ADDRESS"])


def submit_checked(request, action_id, payload, problem, data, problems):
    """``submit`` for a request refused for its body, or checked by a captcha."""
    try:
        placement = find_action(action_id, (payload or {}).get("language"))
    except ActionNotFound:
        return not_found(action_id)
    if not placement.is_open():
        return closed(placement)
    if problem:
        return refused(request, error(400, "body", problem))
    if problems:
        return refused(request, errors(400, problems))
    if captcha.provider():
        # Each check asks the provider: counted like a refused request.
        limited = over_malformed_limit(request)
        if limited:
            return limited
        if not captcha.verify(data["captcha_token"], client_address(request)):
            return error(400, "captcha_token", "The captcha check failed: try again.")
    limited, email_over = over_limit(request, data)
    if limited:
        return limited
    return receive(placement, data, email_over)


def receive(placement, data, email_over, flag_added=None):
    # From here a first submission, a repeat, a robot caught by the honeypot
    # and an address over its limit do the same work and get the same answer;
    # the task that follows tells them apart.
    receive_submission(
        placement, data, timezone.now(), dropped=bool(data["website"]) or email_over
    )
    return accepted(placement, flag_added)


def confirm(request, response: HttpResponse):
    uncached(response)
    payload, problem = read_json(request)
    if problem:
        return refused(request, error(400, "body", problem))
    try:
        token = ConfirmationIn.model_validate(payload).token
    except ValidationError:
        return refused(request, error(400, "token", LINK_MISSING))
    try:
        submission = confirmation.confirm(token, timezone.now())
    except confirmation.LinkInvalid:
        return refused(request, error(400, "token", LINK_INVALID))
    except confirmation.ActionClosed as closing:
        return closed(closing.placement)
    enqueue_delivery(submission)
    return {
        "status": "confirmed",
        "action_id": submission.action_id,
        "language": submission.language,
    }


def request_body(schema):
    """The documented body of a route that reads its JSON itself (``read_json``)."""
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": schema.model_json_schema()}},
        }
    }


def build_router():
    """A new router with the action routes; each API it is mounted on needs its own."""
    router = Router(tags=["actions"])
    router.get(
        "/{action_id}/", response={200: ActionOut, 404: Errors}, summary="An action"
    )(action_detail)
    router.post(
        "/{action_id}/submissions",
        response={
            202: AcceptedOut,
            400: Errors,
            404: Errors,
            409: ClosedOut,
            429: Errors,
        },
        summary="Take part in an action",
        openapi_extra=request_body(SubmissionIn),
    )(submit)
    router.post(
        "/confirmations",
        response={200: ConfirmedOut, 400: Errors, 409: ClosedOut, 429: Errors},
        summary="Confirm a submission with the token of its e-mailed link",
        openapi_extra=request_body(ConfirmationIn),
    )(confirm)
    return router


router = build_router()

"""Delivery API routes of the action forms: ``/actions/{action_id}/``.

``router`` is mounted by the delivery API under ``/actions/``. Errors answer
``{"errors": [{"field": ..., "message": ...}]}`` with a 4xx status.
"""

from urllib.parse import quote

from ninja import Router

from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control

from caseblocks.actions import captcha, ratelimits
from caseblocks.actions.forms import SubmissionForm, error_list
from caseblocks.actions.identity import (
    address_fingerprint,
    client_address,
    email_fingerprint,
)
from caseblocks.actions.placement import ActionNotFound, find_action
from caseblocks.actions.request import read_json
from caseblocks.actions.schemas import (
    AcceptedOut,
    ActionOut,
    ClosedOut,
    ErrorsOut,
    SubmissionIn,
)
from caseblocks.actions.store import store_submission, supporter_count
from caseblocks.blocks.actions import ActionKind
from caseblocks.tasks import enqueue_delivery

ACCEPTED = 202


def uncached(response):
    """Mark ``response`` for no cache to keep: answers about actions are per request."""
    patch_cache_control(response, private=True, no_store=True)
    return response


def error(status, field, message, **headers):
    response = JsonResponse(
        {"errors": [{"field": field, "message": message}]}, status=status
    )
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return uncached(response)


def not_found(action_id):
    return error(404, "action_id", f"No published action '{action_id}'.")


def closed(placement):
    return uncached(
        JsonResponse(
            {
                "errors": [
                    {"field": "action_id", "message": "This action is not open."}
                ],
                "state": "closed",
                "closed_text": placement.closed_text,
            },
            status=409,
        )
    )


def accepted(placement):
    # The same answer for a first submission, a repeat and a robot caught by the
    # honeypot: nobody learns whether an address has taken part.
    return uncached(
        JsonResponse(
            {
                "status": "accepted",
                "confirmation_text": placement.value["confirmation_text"],
            },
            status=ACCEPTED,
        )
    )


def over_limit(request, placement, email=None, *, address=True):
    """An answer if the client address or the e-mail is over its limit, or None.

    Each scope asked for counts the attempt, whatever the answer. A client over
    its limit gets a 429; an e-mail address over its own gets the answer of an
    accepted submission and nothing is stored, since a 429 would tell whoever
    typed the address that it was used lately.
    """
    identities = {"ADDRESS": address_fingerprint(request)} if address else {}
    if email is not None:
        identities["EMAIL"] = email_fingerprint(email)
    waits = ratelimits.hit_scopes(identities)
    if waits.get("ADDRESS"):
        return error(
            429,
            "body",
            "Too many submissions: wait a while.",
            Retry_After=str(waits["ADDRESS"]),
        )
    if waits.get("EMAIL"):
        return accepted(placement)
    return None


def mailto_link(value):
    if value["kind"] != ActionKind.EMAIL or not value["targets"]:
        return None
    recipients = ",".join(target["email"] for target in value["targets"])
    query = f"subject={quote(value['subject'] or '')}&body={quote(value['suggested_message'])}"
    return f"mailto:{recipients}?{query}"


def build_router():
    """A new router with the action routes; each API it is mounted on needs its own."""
    router = Router(tags=["actions"])

    @router.get(
        "/{action_id}/", response={200: ActionOut, 404: ErrorsOut}, summary="An action"
    )
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
        return {
            "action_id": action_id,
            "kind": value["kind"],
            "language": placement.language,
            "state": "open" if is_open else "closed",
            "opens_at": value["opens_at"],
            "closes_at": value["closes_at"],
            "goal": value["goal"],
            "supporters": supporter_count(action_id),
            "closed_text": None if is_open else placement.closed_text,
            # A closed campaign collects no more messages, by any route.
            "mailto": mailto_link(value) if is_open else None,
            "captcha": captcha.provider(),
        }

    @router.post(
        "/{action_id}/submissions",
        response={
            202: AcceptedOut,
            400: ErrorsOut,
            404: ErrorsOut,
            409: ClosedOut,
            429: ErrorsOut,
        },
        summary="Take part in an action",
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": SubmissionIn.model_json_schema()}
                },
            }
        },
    )
    def submit(request, action_id: str):
        payload, problem = read_json(request)
        try:
            placement = find_action(action_id, (payload or {}).get("language"))
        except ActionNotFound:
            return not_found(action_id)
        if not placement.is_open():
            return closed(placement)
        if problem:
            return over_limit(request, placement) or error(400, "body", problem)
        form = SubmissionForm(payload)
        if not form.is_valid():
            return over_limit(request, placement) or uncached(
                JsonResponse({"errors": error_list(form)}, status=400)
            )
        data = form.cleaned_data
        if data["website"]:
            return over_limit(request, placement) or accepted(placement)
        if captcha.provider():
            # Without a solved captcha, a request spends no supporter's allowance.
            limited = over_limit(request, placement)
            if limited:
                return limited
            if not captcha.verify(data["captcha_token"], client_address(request)):
                return error(
                    400, "captcha_token", "The captcha check failed: try again."
                )
            limited = over_limit(request, placement, data["email"], address=False)
        else:
            limited = over_limit(
                request, placement, data["email"]
            )  # one cache round trip
        if limited:
            return limited
        submission = store_submission(placement, data, timezone.now())
        enqueue_delivery(submission)
        return accepted(placement)

    return router


router = build_router()

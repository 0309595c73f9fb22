"""Casebook's own confirmation page, for sites whose front-end has none.

The e-mailed link opens it with the token in the query string. A GET only shows
a button: mail systems follow links to scan them, and must not confirm anyone.
Pressing the button posts the token, which confirms.
"""

from django.shortcuts import render
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from caseblocks.actions import confirmation
from caseblocks.tasks import enqueue_delivery


# The token is the credential: a forged request could only confirm a submission
# whose link the forger already holds, so a CSRF token would protect nothing.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def confirm_page(request):
    language = request.GET.get("language", "")
    if not translation.check_for_language(language):
        language = translation.get_language()
    with translation.override(language):
        if request.method == "GET":
            outcome = "ask"
            token = request.GET.get("token", "")
        else:
            token = ""
            outcome = confirm(request.POST.get("token", ""))
        response = render(
            request,
            "caseblocks/confirm.html",
            {"outcome": outcome, "token": token, "language": language},
            status=400 if outcome == "invalid" else 200,
        )
    patch_cache_control(response, private=True, no_store=True)
    # The token is in this page's address: never hand it on to another site.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex"
    return response


def confirm(token):
    if not token or len(token) > 200:
        return "invalid"
    try:
        submission = confirmation.confirm(token, timezone.now())
    except confirmation.LinkInvalid:
        return "invalid"
    except confirmation.ActionClosed:
        return "closed"
    enqueue_delivery(submission)
    return "confirmed"

"""Exports of one action's submissions for staff who may see them: CSV and OSDI."""

import csv

from django.contrib.auth.decorators import permission_required
from django.http import JsonResponse, StreamingHttpResponse
from django.utils.text import slugify

from caseblocks.models import OutgoingMessage, Submission

PERMISSION = "caseblocks.view_submission"
CSV_COLUMNS = [
    "submitted_at",
    "name",
    "email",
    "country",
    "language",
    "message",
    "newsletter",
    "consent_text",
    "consented_at",
    "first",
    "rank",
]


# A spreadsheet runs a cell that starts with one of these as a formula (DDE
# included): a supporter's name such as "=HYPERLINK(...)" must stay text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    """``value`` as a CSV cell that no spreadsheet runs: a leading ' makes it text."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def file_name(action_id, extension):
    """A download's name from a slug of ``action_id``: safe in any header."""
    return f"{slugify(action_id)[:64] or 'action'}.{extension}"


def attachment(response, action_id, extension):
    response["Content-Disposition"] = (
        f'attachment; filename="{file_name(action_id, extension)}"'
    )
    return response


class Echo:
    def write(self, value):
        return value


def csv_rows(submissions):
    writer = csv.writer(Echo())
    yield writer.writerow(CSV_COLUMNS)
    for s in submissions.iterator(chunk_size=500):
        row = [
            s.created_at.isoformat(),
            s.name,
            s.email,
            s.country,
            s.language,
            s.message,
            s.newsletter,
            s.consent_text,
            s.consented_at.isoformat(),
            s.is_first,
            s.rank,
        ]
        yield writer.writerow([cell(value) for value in row])


def action_submissions(action_id):
    # Only confirmed ones: until then nobody knows the address's owner agreed.
    return (
        Submission.objects.confirmed()
        .filter(action_id=action_id)
        .with_personal_data()
        .order_by("pk")
    )


@permission_required(PERMISSION, raise_exception=True)
def export_csv(request, action_id):
    response = StreamingHttpResponse(
        csv_rows(action_submissions(action_id)), content_type="text/csv; charset=utf-8"
    )
    return attachment(response, action_id, "csv")


def osdi_signature(s):
    # OSDI has no consent object: it is carried in the casebook: namespace.
    return {
        "identifiers": [f"casebook:{s.uuid}"],
        "created_date": s.created_at.isoformat(),
        "action_date": s.created_at.isoformat(),
        "comments": s.message,
        "referrer_data": {
            "source": f"casebook:page:{s.page_id}" if s.page_id else None
        },
        "person": {
            "given_name": s.name,
            "email_addresses": [{"address": s.email, "primary": True}],
            "postal_addresses": [{"country": s.country}],
            "languages_spoken": [s.language],
        },
        "casebook:consent": {
            "text": s.consent_text,
            "given_at": s.consented_at.isoformat(),
            "confirmed_at": s.confirmed_at and s.confirmed_at.isoformat(),
        },
        "casebook:newsletter": s.newsletter,
        "casebook:rank": s.rank,
    }


def osdi_outreach(m):
    return {
        "identifiers": [f"casebook:message:{m.pk}"],
        "created_date": m.created_at.isoformat(),
        "type": "email",
        "subject": m.subject,
        "message": m.body,
        "targets": [
            {"title": m.target_name, "email_addresses": [{"address": m.target_email}]}
        ],
        "_links": {"osdi:signature": {"href": f"casebook:{m.submission.uuid}"}},
        "casebook:delivery_state": m.state,
        "casebook:sent_at": m.sent_at.isoformat() if m.sent_at else None,
    }


@permission_required(PERMISSION, raise_exception=True)
def export_osdi(request, action_id):
    submissions = action_submissions(action_id)
    messages = (
        OutgoingMessage.objects.filter(submission__in=submissions)
        .select_related("submission")
        .order_by("pk")
    )
    response = JsonResponse(
        {
            "origin_system": "Casebook",
            "casebook:action_id": action_id,
            "_embedded": {
                "osdi:signatures": [osdi_signature(s) for s in submissions],
                "osdi:outreaches": [osdi_outreach(m) for m in messages],
            },
        }
    )
    return attachment(response, action_id, "osdi.json")

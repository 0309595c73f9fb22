"""From a content event to the deliveries that carry it, one per endpoint."""

import json
import uuid

from django.utils import timezone

from cms.api import mount
from cms.paths import page_path
from cms.visibility import visible_pages

from .conf import endpoints
from .models import WebhookDelivery
from .schemas import WebhookEvent, WebhookPage

API_PAGE_PATH = f"{mount.PREFIX}{mount.V1}pages/{{id}}/"


def describe_pages(page_ids):
    """A ``WebhookPage`` for every affected page.

    Pages a visitor may read now come with their locale and paths. Any other
    page comes as its id alone: the change may have just made it private, and
    its path or title must not leave the CMS. Every id is sent, whether or not
    the page was ever public: a page made live by an import has no publication
    date, and a front-end left unaware of an unpublished page keeps showing it.
    """
    ids = sorted({int(pk) for pk in page_ids})
    visible = {
        page.pk: page
        for page in visible_pages()
        .filter(pk__in=ids)
        .select_related("locale")
        .only("pk", "url_path", "locale__language_code")
    }
    described = []
    for pk in ids:
        page = visible.get(pk)
        if page is not None:
            described.append(
                WebhookPage(
                    id=pk,
                    visible=True,
                    locale=page.locale.language_code,
                    path=page_path(page),
                    api_path=API_PAGE_PATH.format(id=pk),
                )
            )
        else:
            described.append(WebhookPage(id=pk, visible=False))
    return described


def build_event(change, now=None):
    pages = describe_pages(change.page_ids)
    return WebhookEvent(
        id=str(uuid.uuid4()),
        event=str(change.kind),
        timestamp=now or timezone.now(),
        pages=pages,
        locales=sorted({page.locale for page in pages if page.locale}),
        snippet=change.snippet,
    )


def encode(event):
    """The exact bytes sent: compact, keys sorted, the same on every retry."""
    return json.dumps(
        event.model_dump(mode="json"), sort_keys=True, separators=(",", ":")
    )


def record_deliveries(change, now=None):
    """Store one pending delivery of ``change`` per configured endpoint."""
    targets = endpoints()
    if not targets:
        return []
    event = build_event(change, now)
    body = encode(event)
    page_ids = [page.id for page in event.pages]
    return WebhookDelivery.objects.bulk_create(
        WebhookDelivery(
            event_id=event.id,
            kind=event.event,
            page_ids=page_ids,
            endpoint=target.name,
            body=body,
        )
        for target in targets
    )

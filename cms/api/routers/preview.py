"""``/preview/``: the latest draft of a page, for the holder of a preview token."""

from ninja import Query, Router

from django.http import Http404

from wagtail.models import Page

from cms.api.caching import json_response
from cms.api.errors import Forbidden, Unauthorized
from cms.api.preview import (
    PreviewTokenExpired,
    PreviewTokenInvalid,
    read_token,
    stashed_draft,
)
from cms.api.schemas.pages import Errors, page_detail_schema
from cms.api.serialise import detail
from cms.api.sites import site_pages

router = Router(tags=["preview"])


@router.get(
    "/",
    response={200: page_detail_schema(), 401: Errors, 403: Errors, 404: Errors},
    summary="The latest draft of a page",
)
def preview(
    request, token: str = Query(..., description="From the admin's preview link")
):
    try:
        page_id, draft_key = read_token(token)
    except PreviewTokenExpired as error:
        raise Unauthorized("token", "This preview link has expired.") from error
    except PreviewTokenInvalid as error:
        raise Forbidden("token", "This preview link is not valid.") from error
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404("The page of this preview link no longer exists.")
    draft = stashed_draft(page, draft_key)
    if draft is None:
        revision = page.get_latest_revision()
        draft = revision.as_object() if revision else page.specific
    # A draft is for the link's holder only: never stored by shared caches.
    return json_response(request, detail(draft, site_pages(request)), public=False)

"""``/preview/``: the draft a preview token names, for the token's holder."""

from ninja import Header, Router

from django.http import Http404

from wagtail.models import Page

from cms.api.caching import json_response
from cms.api.errors import BadRequest, Forbidden, Unauthorized
from cms.api.schemas.pages import Errors, page_detail_schema
from cms.api.serialise import detail
from cms.api.sites import site_pages
from cms.preview import (
    PREVIEW_HEADER,
    PreviewTokenExpired,
    PreviewTokenInvalid,
    read_token,
    token_draft,
)

router = Router(tags=["preview"])


@router.get(
    "/",
    response={
        200: page_detail_schema(),
        400: Errors,
        401: Errors,
        403: Errors,
        404: Errors,
    },
    summary="The draft a preview token names",
)
def preview(
    request,
    preview_token: str = Header(
        ...,
        alias=PREVIEW_HEADER,
        description="The front-end's preview_token, from the admin's preview link",
    ),
):
    if "token" in request.GET:
        # A URL is kept by access logs and proxies; a header is not.
        raise BadRequest(
            "token", f"Send the preview token in the {PREVIEW_HEADER} header."
        )
    try:
        page_id, revision_id, draft_key = read_token(preview_token)
    except PreviewTokenExpired as error:
        raise Unauthorized(PREVIEW_HEADER, "This preview link has expired.") from error
    except PreviewTokenInvalid as error:
        raise Forbidden(PREVIEW_HEADER, "This preview link is not valid.") from error
    page = Page.objects.filter(pk=page_id).first()
    draft = token_draft(page, revision_id, draft_key) if page else None
    if draft is None:
        raise Http404("The page or draft of this preview link no longer exists.")
    # A draft is for the link's holder only: never stored by shared caches.
    return json_response(
        request,
        detail(draft, site_pages(request)),
        public=False,
        language=draft.locale.language_code,
    )

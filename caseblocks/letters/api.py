"""``GET /pages/{page_id}/letters/{block_id}.pdf``: the letter of an appeal address.

Public: the page must be one a visitor may read (``cms.visibility``). A missing
page, a hidden one and a block offering no letter answer the same 404. The PDF
is made once per live revision, language and paper (``store``); the whole answer
is kept like the API's other public answers.
"""

from typing import Annotated, Literal

from ninja import Path, Router

from django.http import HttpResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.text import slugify

from cms.api import tags
from cms.api.responses import is_anonymous_read, response_key
from cms.api.schemas.pages import Errors
from cms.api.sites import site_pages
from cms.conf import get_setting

from .store import find_letter_block, letter_pdf, stamp

router = Router(tags=["letters"])

Paper = Literal["a4", "letter"]
MAX_ID = 2**31 - 1
NOT_FOUND = "No letter with this page and block id."


def not_found():
    response = JsonResponse(
        {"errors": [{"field": "block_id", "message": NOT_FOUND}]}, status=404
    )
    patch_cache_control(response, private=True, no_store=True)
    return response


def file_name(page, size):
    # ASCII only, from the slug: safe in a Content-Disposition header.
    return f"{slugify(page.slug) or 'letter'}-letter-{size}.pdf"


@router.get(
    "/{page_id}/letters/{block_id}.pdf",
    url_name="letter",
    summary="A letter to print, sign and post",
    description=(
        "A PDF of the appeal address block's letter, in the page's language: the "
        "recipient's address placed for a window envelope (A4: DIN 5008 form B; "
        "US Letter: a No. 10 envelope), the salutation and the ask, and blanks for "
        "the supporter's name and signature."
    ),
    response={404: Errors},
    openapi_extra={
        "responses": {
            200: {
                "description": "The letter",
                "content": {
                    "application/pdf": {
                        "schema": {"type": "string", "format": "binary"}
                    }
                },
            },
        }
    },
)
def letter(
    request,
    page_id: Annotated[int, Path(ge=1, le=MAX_ID)],
    block_id: Annotated[str, Path(max_length=64)],
    size: Paper = "a4",
):
    # Like the API's other public answers (cms.api.responses): a warm hit reads
    # only the cache, and is served while the tags of the page it was made from
    # (cms.api.tags), and the page's letter stamp that the content event renews,
    # are the ones it was made in. Both are read before the database, so no
    # answer is labelled newer than its rows.
    shared = is_anonymous_read(request)
    if shared:
        key = response_key(request)
        with tags.collecting() as cached_tags:
            found, counter = tags.lookup([key])
        stamped = stamp(page_id)
        entry = found.get(key)
        if entry is not None and entry[0] == stamped:
            response = pdf_response(request, *entry[1:])
            response.cache_tags = frozenset(cached_tags)
            return response
    with tags.collecting() as shown:
        found = find_letter_block(site_pages(request), page_id, block_id)
        tags.add(tags.page_tag(page_id))
    if found is None:
        return not_found()
    page, value = found
    etag, body = letter_pdf(page, block_id, value, size)
    name = file_name(page, size)
    if shared:
        tags.store({key: ((stamped, etag, body, name), shown)}, counter)
    response = pdf_response(request, etag, body, name)
    response.cache_tags = frozenset(shown)
    return response


def pdf_response(request, etag, body, name):
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(body, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=get_setting("MAX_AGE"))
    return response

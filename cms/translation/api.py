"""``/api/v1/translation/``: how far each translation of a page has got, for editors.

Signed-in users only (Django's session), who may use the Wagtail admin and edit
the page. Answers are private to the caller (``Cache-Control: private, no-store``)
and never enter the delivery API's shared response cache.
"""

from ninja import Router, Schema
from ninja.security import django_auth

from django.http import Http404

from wagtail.models import Page

from cms.api.caching import json_response
from cms.api.errors import Forbidden
from cms.api.schemas.pages import Errors

from .progress import translation_progress

router = Router(tags=["translation"], auth=django_auth)


class LocaleProgress(Schema):
    locale: str
    translated: int
    total: int
    share: (
        float  # translated / total, rounded to 2 places; 1.0 with nothing to translate
    )
    enabled: bool


class PageProgress(Schema):
    page: int
    source_locale: str | None
    locales: list[LocaleProgress]


def share(translated, total):
    return round(translated / total, 2) if total else 1.0


def editable_page(user, page_id):
    # Checked first, so that only editors learn which page ids exist.
    if not user.has_perm("wagtailadmin.access_admin"):
        raise Forbidden(None, "Only editors may see translation progress.")
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        raise Http404("No page with this id.")
    if not page.permissions_for_user(user).can_edit():
        raise Forbidden(None, "You may not edit this page.")
    return page


@router.get(
    "/progress/{int:page_id}/",
    response={200: PageProgress, 401: Errors, 403: Errors, 404: Errors},
    summary="Translation progress of a page, per locale",
)
def page_progress(request, page_id: int):
    page = editable_page(request.auth, page_id)
    rows = translation_progress(page)
    data = {
        "page": page.pk,
        "source_locale": rows[0]["source_locale"] if rows else None,
        "locales": [
            {
                "locale": row["locale"],
                "translated": row["translated"],
                "total": row["total"],
                "share": share(row["translated"], row["total"]),
                "enabled": row["enabled"],
            }
            for row in rows
        ],
    }
    return json_response(request, data, public=False)


def register_api():
    from cms.api.registry import register_router

    register_router("/translation/", router)

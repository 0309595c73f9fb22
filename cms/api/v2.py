"""Wagtail's stock API v2, mounted beside ours: pages and images, as Wagtail ships
them, except that images are only those public pages show, and that no answer that
may depend on a session is stored by a shared cache."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast
from django.utils.cache import patch_cache_control, patch_vary_headers

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from cms.api.visibility import public_pages


class SessionAnswersMixin:
    """Mark answers that a session can change: ``private``, and varying on Cookie.

    API v2 shows a signed-in user the login- and group-restricted pages they may
    see, and a session that passed a page's password that page (and the images
    public pages show follow the same pages), so an answer to a request with a
    session cookie must never be stored by a CDN and handed to someone else.
    """

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        patch_vary_headers(response, ("Cookie",))
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            patch_cache_control(response, private=True)
        return response


class PublicPagesAPIViewSet(SessionAnswersMixin, PagesAPIViewSet):
    pass


class PublicImagesAPIViewSet(SessionAnswersMixin, ImagesAPIViewSet):
    """Images that the stored content of live, public pages refers to.

    Wagtail lists the whole library, so an image uploaded for a draft or a
    private page would be listed before the page is public. Wagtail's reference
    index records what each page's stored (live) content refers to.
    """

    def get_queryset(self):
        pages = public_pages(self.request._request).annotate(
            pk_text=Cast("pk", CharField())
        )
        used = ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=pages.values("pk_text"),
            to_content_type=ContentType.objects.get_for_model(self.model),
        ).values("to_object_id")
        return (
            super()
            .get_queryset()
            .annotate(pk_text=Cast("pk", CharField()))
            .filter(pk_text__in=used)
        )


router = WagtailAPIRouter("wagtailapi")
router.register_endpoint("pages", PublicPagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)

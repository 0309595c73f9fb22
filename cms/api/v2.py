"""Wagtail's stock API v2, mounted beside ours: pages and images, as Wagtail ships
them, except that images are only those public pages show."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, ReferenceIndex

from cms.api.sites import site_pages


class PublicImagesAPIViewSet(ImagesAPIViewSet):
    """Images that the stored content of live, public pages refers to.

    Wagtail lists the whole library, so an image uploaded for a draft or a
    private page would be listed before the page is public. Wagtail's reference
    index records what each page's stored (live) content refers to.
    """

    def get_queryset(self):
        pages = site_pages(self.request._request).annotate(
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
router.register_endpoint("pages", PagesAPIViewSet)
router.register_endpoint("images", PublicImagesAPIViewSet)

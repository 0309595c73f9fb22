from django.apps import apps
from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import image_serve, page_passwords
from cms.api import mount

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "images/<str:signature>/<int:image_id>/<str:filter_spec>/",
        image_serve.serve,
        name="casebook_image_serve",
    ),
    path(mount.PREFIX.lstrip("/"), include("cms.api.urls")),
    path("actions/", include("caseblocks.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

if apps.is_installed("cms.outbox"):
    # Development mail, as plain text (cms/outbox/README.md).
    urlpatterns.append(path("dev/outbox/", include("cms.outbox.urls")))

urlpatterns += [
    # Before Wagtail's own view at this address: the same form, throttled.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        page_passwords.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    # Pages at their front-end paths (/it/cases/some-case/), then Wagtail's own routes.
    path("", include("cms.site.urls")),
    path("", include(wagtail_urls)),
]

handler404 = "cms.views.page_not_found"

"""Keep cached API responses fresh: subscribed to the content event (``cms.lifecycle``).

Each change renews the cache generation (``cms.api.caching``) when it is noted,
inside its transaction, so the transaction's own reads never see an older
answer, and again after the commit, which retires whatever a worker cached from
rows read before the commit. After the commit, when ``WAGTAILFRONTENDCACHE`` is
configured, the affected pages' API URLs, old paths included, are purged from
the front-end cache (a CDN or Varnish) in one batch.
"""

from django.conf import settings
from django.urls import reverse

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from cms.api.caching import renew_generation
from cms.lifecycle import content_changed, content_changing
from cms.paths import page_path


def api_urls(page_id, path):
    """The public API URLs whose response includes the page at ``path``."""
    base = settings.WAGTAILAPI_BASE_URL.rstrip("/")
    return [
        base + reverse("cms_api:get_page", kwargs={"id": page_id}),
        f"{base}{reverse('cms_api:find_page')}?path={path}",
        base + reverse("cms_api:list_pages"),
        base + reverse("cms_api:list_countries"),
        base + reverse("cms_api:list_campaigns"),
    ]


def purge_pages(page_ids, old_paths=None):
    """Purge the API URLs of ``page_ids`` (and of their ``old_paths``) from the CDN."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or not page_ids:
        return
    batch = PurgeBatch()
    for page in Page.objects.filter(pk__in=page_ids).select_related("locale"):
        batch.add_urls(api_urls(page.pk, page_path(page)))
    for page_id, path in (old_paths or {}).items():
        batch.add_urls(api_urls(page_id, path))
    batch.purge()


def renew_on_change(sender, change, **kwargs):
    renew_generation()


def refresh_on_change(sender, change, **kwargs):
    renew_generation()
    purge_pages(change.page_ids, change.paths)


def register_subscribers():
    content_changing.connect(renew_on_change, dispatch_uid="cms.api.renew")
    content_changed.connect(refresh_on_change, dispatch_uid="cms.api.refresh")

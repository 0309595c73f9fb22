"""Keep cached API responses fresh: on publish, unpublish, move and deletion.

Each event renews the cache generation (``cms.api.caching``) and, when
``WAGTAILFRONTENDCACHE`` is configured, purges the page's API URLs from the
front-end cache (a CDN or Varnish) in one batch. A draft save changes nothing
public, so it renews nothing.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse

from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.api.caching import renew_generation
from cms.paths import page_path


def api_urls(page):
    """The public API URLs whose response includes ``page``."""
    base = settings.WAGTAILAPI_BASE_URL.rstrip("/")
    pages = reverse("cms_api:list_pages")
    return [
        base + reverse("cms_api:get_page", kwargs={"id": page.pk}),
        f"{base}{reverse('cms_api:find_page')}?path={page_path(page)}",
        base + pages,
        base + reverse("cms_api:list_countries"),
        base + reverse("cms_api:list_campaigns"),
    ]


def purge_page(page):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    batch.add_urls(api_urls(page))
    batch.purge()


def renew_now_and_on_commit():
    renew_generation()
    # Signals fire inside the publishing transaction. A worker that reads the new
    # generation before the commit still reads the old rows and caches them under
    # it; renewing again after the commit retires what it cached.
    transaction.on_commit(renew_generation)


def refresh_on_publish(sender, instance, **kwargs):
    renew_now_and_on_commit()
    purge_page(instance)


def refresh_on_move(sender, instance, **kwargs):
    renew_now_and_on_commit()
    purge_page(instance)


def refresh_on_change(sender, instance, **kwargs):
    if isinstance(instance, Page | PageViewRestriction | Site):
        renew_now_and_on_commit()


def refresh_on_create(sender, instance, created=False, raw=False, **kwargs):
    # A page added live, by a script or an import rather than by publishing,
    # is public at once.
    if created and not raw and isinstance(instance, Page) and instance.live:
        renew_now_and_on_commit()


def refresh_on_setting_change(sender, instance, **kwargs):
    renew_now_and_on_commit()


def register_signal_handlers():
    page_published.connect(refresh_on_publish)
    page_unpublished.connect(refresh_on_publish)
    post_page_move.connect(refresh_on_move)
    post_delete.connect(refresh_on_change)
    post_save.connect(refresh_on_create)
    # A new view restriction hides pages that cached responses may still list.
    post_save.connect(refresh_on_change, sender=PageViewRestriction)
    # A site's hostname or root page decides which pages each host serves.
    post_save.connect(refresh_on_change, sender=Site)
    # The privacy policy every action links to is read under the generation.
    from cms.models import PrivacySettings

    post_save.connect(refresh_on_setting_change, sender=PrivacySettings)

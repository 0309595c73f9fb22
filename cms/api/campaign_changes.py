"""A campaign shows on its cases' and news posts' teasers: when it changes, they do.

Subscribed to the content event (``cms.lifecycle``): for each campaign among the
changed pages, the API responses of the pages showing it (``pages_showing``) go
stale and are purged from the front-end cache, as if those pages had changed.
"""

from cms.api.caching import renew_generation
from cms.api.subscribers import purge_pages
from cms.lifecycle import content_changed
from cms.models import CampaignPage, pages_showing


def showing_changed_campaigns(change):
    """Ids of the pages, not themselves changed, that show a changed campaign."""
    showing = set()
    for campaign in CampaignPage.objects.filter(pk__in=change.page_ids):
        showing |= pages_showing(campaign)
    return showing - set(change.page_ids)


def refresh_showing_on_change(sender, change, **kwargs):
    showing = showing_changed_campaigns(change)
    if not showing:
        return
    renew_generation()
    purge_pages(showing)


def register_campaign_changes():
    content_changed.connect(
        refresh_showing_on_change, dispatch_uid="cms.api.campaign_changes"
    )

"""The dashboard's panel of scheduled publications (Wagtail's construct_homepage_panels).

Other apps add their own panels from their own ``wagtail_hooks.py``: caseblocks its
open actions, the translation plugin the translations waiting, the search plugin its
indexing failures. Each panel shows a user only what that user may act on.
"""

from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

LIMIT = 10


def scheduled_publications(user, limit=LIMIT):
    """``(revision, page)`` pairs due to go live, soonest first, of pages ``user`` may edit."""
    revisions = Revision.page_revisions.filter(
        approved_go_live_at__isnull=False
    ).order_by("approved_go_live_at", "pk")
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    pages = Page.objects.filter(
        pk__in=[int(pk) for pk in revisions.values_list("object_id", flat=True)]
    ).filter(pk__in=editable.values("pk"))
    pages = pages.select_related("locale").in_bulk()
    found = []
    for revision in revisions:
        page = pages.get(int(revision.object_id))
        if page is not None:
            found.append((revision, page))
            if len(found) == limit:
                break
    return found


class DashboardPanel(Component):
    """A dashboard panel that renders ``template_name`` with what it was given.

    The hook that adds it has already chosen, for the user at hand, what to show.
    """

    def __init__(self, **context):
        self.context = context

    def get_context_data(self, parent_context):
        return self.context


class ScheduledPublicationsPanel(DashboardPanel):
    """Pages and translations that will go live on their own at a set time."""

    name = "scheduled_publications"
    template_name = "cms/dashboard/scheduled_publications.html"
    order = 120

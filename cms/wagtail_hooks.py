from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .dashboard import ScheduledPublicationsPanel, scheduled_publications
from .models import PartnerOrganisation


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "url"]
    search_fields = ["name"]


register_snippet(PartnerOrganisationViewSet)


@hooks.register("construct_homepage_panels")
def add_scheduled_publications_panel(request, panels):
    scheduled = scheduled_publications(request.user)
    if scheduled:
        panels.append(ScheduledPublicationsPanel(scheduled=scheduled))

"""Admin views: the list of pages that could not be indexed, and a dashboard warning."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from .models import IndexingFailure


class FailurePermissionPolicy(ModelPermissionPolicy):
    """Failures are written by the indexer: staff may look and dismiss, not add or edit."""

    def user_has_permission(self, user, action):
        if action in {"add", "change", "copy"}:
            return False
        if action == "view":
            return user.is_active and user.is_staff
        return super().user_has_permission(user, action)


class IndexingFailureViewSet(ModelViewSet):
    model = IndexingFailure
    icon = "warning"
    menu_label = _("Search indexing")
    menu_hook = "register_reports_menu_item"
    name = "search_indexing_failures"
    list_display = ["__str__", "attempts", "last_failed_at"]
    list_filter = ["action", "model_name"]
    inspect_view_enabled = True
    copy_view_enabled = False
    form_fields = ["error"]


class IndexingFailuresPanel(Component):
    """Shown on the dashboard while pages are missing from the search index."""

    name = "search_indexing_failures"
    order = 50

    def __init__(self, count):
        self.count = count

    def render_html(self, parent_context=None):
        message = ngettext(
            "%(count)d published page is missing from search: the index could not be written.",
            "%(count)d published pages are missing from search: the index could not be written.",
            self.count,
        ) % {"count": self.count}
        return format_html(
            '<section class="panel help-block help-warning" role="alert">'
            '<p>{} <a href="{}">{}</a></p></section>',
            message,
            reverse("search_indexing_failures:index"),
            _("See which pages"),
        )

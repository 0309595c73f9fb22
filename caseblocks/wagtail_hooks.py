"""Admin pages of the action forms: reports, the permission, the dashboard panel."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from caseblocks.dashboard import PERMISSION, OpenActionsPanel, open_actions
from caseblocks.views import exports, reports

urlpatterns = [
    path("", reports.ActionReportIndexView.as_view(), name="index"),
    path("<str:action_id>/", reports.ActionReportView.as_view(), name="action"),
    path("<str:action_id>/export.csv", exports.export_csv, name="export_csv"),
    path("<str:action_id>/export.osdi.json", exports.export_osdi, name="export_osdi"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/actions/",
            include(
                (urlpatterns, "caseblocks_reports"), namespace="caseblocks_reports"
            ),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_actions_report_menu_item():
    return MenuItem(
        _("Actions"),
        reverse("caseblocks_reports:index"),
        name="actions",
        icon_name="form",
        order=900,
    )


@hooks.register("register_permissions")
def register_submission_permission():
    return Permission.objects.filter(
        content_type__app_label="caseblocks", codename="view_submission"
    )


@hooks.register("construct_homepage_panels")
def add_open_actions_panel(request, panels):
    actions = open_actions(request.user)
    if actions:
        panels.append(OpenActionsPanel(actions, request.user.has_perm(PERMISSION)))

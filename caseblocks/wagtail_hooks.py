"""Admin pages of the action forms: reports, the permission, the dashboard panel."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from caseblocks.actions.erasure import ERASE_ACTION
from caseblocks.dashboard import OpenActionsPanel, open_actions
from caseblocks.models import ActionTarget
from caseblocks.permissions import may_read_reports
from caseblocks.views import erasure, exports, reports, targets
from cms.admin_menu import PermissionMenuItem

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


@hooks.register("register_admin_urls")
def register_erasure_url():
    return [
        path(
            "supporters/erase/",
            erasure.EraseSupporterView.as_view(),
            name="caseblocks_erase_supporter",
        )
    ]


@hooks.register("register_settings_menu_item")
def register_erasure_menu_item():
    return PermissionMenuItem(
        _("Erase a supporter"),
        reverse("caseblocks_erase_supporter"),
        name="erase-supporter",
        icon_name="bin",
        order=900,
        allowed=erasure.PERMISSION,
    )


@hooks.register("register_log_actions")
def register_erasure_log_action(actions):
    actions.register_action(
        ERASE_ACTION, _("Erase supporter's data"), _("Supporter's data erased")
    )


@hooks.register("register_reports_menu_item")
def register_actions_report_menu_item():
    return PermissionMenuItem(
        _("Actions"),
        reverse("caseblocks_reports:index"),
        name="actions",
        icon_name="form",
        order=900,
        allowed=may_read_reports,
    )


@hooks.register("register_permissions")
def register_submission_permission():
    return Permission.objects.filter(
        content_type__app_label="caseblocks",
        codename__in=["view_submission", "view_report", "erase_supporter"],
    )


register_snippet(targets.ActionTargetViewSet)


@hooks.register("register_actions")
def register_audited_target_actions(registry):
    # Every change of a target is logged with the record before and after.
    for action_class in targets.AUDITED_ACTIONS:
        registry.register(ActionTarget, action_class)


@hooks.register("construct_homepage_panels")
def add_open_actions_panel(request, panels):
    actions = open_actions(request.user)
    if actions:
        panels.append(OpenActionsPanel(actions, may_read_reports(request.user)))

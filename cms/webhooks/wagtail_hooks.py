"""The deliveries report in the admin's Reports menu, and its permission."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.admin_menu import PermissionMenuItem

from .views import PERMISSION, WebhookDeliveryReportView

urlpatterns = [
    path("", WebhookDeliveryReportView.as_view(), name="index"),
    path(
        "results/",
        WebhookDeliveryReportView.as_view(results_only=True),
        name="results",
    ),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("reports/webhooks/", include((urlpatterns, "webhooks")))]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return PermissionMenuItem(
        _("Webhook deliveries"),
        reverse("webhooks:index"),
        name="webhook-deliveries",
        icon_name="link-external",
        order=950,
        allowed=PERMISSION,
    )


@hooks.register("register_permissions")
def register_view_permission():
    return Permission.objects.filter(
        content_type__app_label="webhooks", codename="view_webhookdelivery"
    )

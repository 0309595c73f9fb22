"""The staff report of webhook deliveries: what was sent where, and how it went."""

import django_filters

from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import DeliveryState, WebhookDelivery

PERMISSION = "webhooks.view_webhookdelivery"


class DeliveryFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=DeliveryState.choices, empty_label=_("Any")
    )

    class Meta:
        model = WebhookDelivery
        fields = ["state"]


class PagesColumn(Column):
    def get_value(self, instance):
        return ", ".join(str(pk) for pk in instance.page_ids) or "—"


class WebhookDeliveryReportView(ReportView):
    """Every delivery, newest first, for staff with "Can view webhook delivery".

    The body is not shown: it holds nothing the page ids do not say, and the
    list stays a plain answer to "did the front-ends hear about it?".
    """

    model = WebhookDelivery
    permission_policy = ModelPermissionPolicy(WebhookDelivery)
    permission_required = "view"
    page_title = _("Webhook deliveries")
    header_icon = "link-external"
    index_url_name = "webhooks:index"
    index_results_url_name = "webhooks:results"
    filterset_class = DeliveryFilterSet
    columns = [
        DateColumn("created_at", label=_("Changed")),
        Column("get_kind_display", label=_("Change")),
        PagesColumn("page_ids", label=_("Pages")),
        Column("endpoint", label=_("Sent to")),
        Column("get_state_display", label=_("State")),
        Column("attempts", label=_("Attempts")),
        Column("status_code", label=_("Answer")),
        Column("last_error", label=_("Last error")),
        DateColumn("next_attempt_at", label=_("Next attempt")),
    ]

    def get_queryset(self):
        return WebhookDelivery.objects.defer("body").order_by("-created_at", "-pk")

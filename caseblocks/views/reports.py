"""The action reports: every action with its count against its goal, then one action."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from caseblocks import reporting
from caseblocks.models import DeliveryState, Submission
from caseblocks.permissions import SUBMISSIONS, may_read_reports


class ReportPermissionMixin:
    """Refused, as Wagtail refuses, to whoever may not read the exact figures."""

    def dispatch(self, request, *args, **kwargs):
        if not may_read_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ActionReportIndexView(
    ReportPermissionMixin, WagtailAdminTemplateMixin, TemplateView
):
    template_name = "caseblocks/admin/report_index.html"
    page_title = _("Actions")
    header_icon = "form"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": _("Actions")}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(summaries=reporting.summaries(), **kwargs)


class ActionReportView(ReportPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "caseblocks/admin/report.html"
    header_icon = "form"

    def get_page_title(self):
        return _("Action %(title)s") % {
            "title": self.summary.title or self.summary.action_id
        }

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("caseblocks_reports:index"), "label": _("Actions")},
            {"url": "", "label": self.summary.title or self.summary.action_id},
        ]

    def dispatch(self, request, action_id):
        if not may_read_reports(request.user):
            raise PermissionDenied
        self.summary = reporting.summary(action_id)
        if self.summary is None:
            raise Http404
        return super().dispatch(request, action_id)

    def get_context_data(self, **kwargs):
        action_id = self.summary.action_id
        can_view = self.request.user.has_perm(SUBMISSIONS)
        states = reporting.delivery_states(action_id)
        return super().get_context_data(
            summary=self.summary,
            bars=reporting.chart_bars(reporting.per_day(action_id)),
            states=[
                (label, states.get(value, 0)) for value, label in DeliveryState.choices
            ],
            troubled=reporting.troubled_messages(action_id),
            can_view_submissions=can_view,
            submissions=(
                Submission.objects.filter(action_id=action_id)
                .with_personal_data()
                .order_by("-created_at")[:50]
                if can_view
                else None
            ),
            **kwargs,
        )

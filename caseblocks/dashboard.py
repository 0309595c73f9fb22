"""The dashboard's panel of open actions: goal, closing time and, for some, supporters.

Registered by ``caseblocks/wagtail_hooks.py`` (Wagtail's construct_homepage_panels).
A user sees the actions on the pages they may edit; the supporters' count only if
they may read the action reports (``caseblocks.permissions.may_read_reports``).
"""

from dataclasses import dataclass

from django.db.models import Sum
from django.utils import translation

from wagtail.admin.ui.components import Component
from wagtail.permission_policies.pages import PagePermissionPolicy

from caseblocks.actions.placement import ACTION_FORM
from caseblocks.models import ActionCounter, PlacedAction
from caseblocks.permissions import may_read_reports

LIMIT = 10


@dataclass
class OpenAction:
    action_id: str
    page: object
    goal: int | None
    closes_at: object
    supporters: int | None = None

    @property
    def percent_of_goal(self):
        if self.goal and self.supporters is not None:
            return round(100 * self.supporters / self.goal)
        return None


def open_actions(user, now=None, limit=LIMIT):
    """The actions open now on live pages ``user`` may edit, closing soonest first.

    One row per action, named by its page in the admin's language when it has one.
    ``supporters`` stays None unless ``user`` may read the action reports.
    """
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    placements = (
        PlacedAction.objects.filter(campaign_open=True, page__in=editable)
        .select_related("page__locale")
        .order_by("page_id")
    )
    language = translation.get_language()
    found = {}
    for placement in placements:
        seen = found.get(placement.action_id)
        if seen and seen.page.locale.language_code == language:
            continue
        value = ACTION_FORM.to_python(placement.value)
        if not ACTION_FORM.is_open(value, now):
            continue
        if seen is None or placement.page.locale.language_code == language:
            found[placement.action_id] = OpenAction(
                placement.action_id, placement.page, value["goal"], value["closes_at"]
            )
    actions = sorted(
        found.values(),
        key=lambda a: (a.closes_at is None, a.closes_at, a.page.title, a.action_id),
    )[:limit]
    if actions and may_read_reports(user):
        totals = dict(
            ActionCounter.objects.filter(action_id__in=[a.action_id for a in actions])
            .values("action_id")
            .annotate(total=Sum("supporters"))
            .order_by()
            .values_list("action_id", "total")
        )
        for action in actions:
            action.supporters = totals.get(action.action_id) or 0
    return actions


class OpenActionsPanel(Component):
    """What supporters can do now, and how far each action is from its goal."""

    name = "open_actions"
    template_name = "caseblocks/dashboard/open_actions.html"
    order = 110

    def __init__(self, actions, show_counts):
        self.actions = actions
        self.show_counts = show_counts

    def get_context_data(self, parent_context):
        return {"actions": self.actions, "show_counts": self.show_counts}

"""Figures for the staff reports: totals, submissions per day, delivery states."""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.utils.translation import gettext_lazy as _

from caseblocks.actions.placement import action_blocks
from caseblocks.blocks.actions import ActionKind
from caseblocks.models import ActionCounter, OutgoingMessage, PlacedAction, Submission
from cms.visibility import visible_ids

# Where an action can be taken, best first: on a page a visitor may read, on a
# live page hidden from visitors (a view restriction, or outside every site), or
# nowhere (unpublished, or removed from every page).
PUBLISHED, PRIVATE, UNPUBLISHED = "published", "private", "unpublished"
STATUS_LABELS = {
    PUBLISHED: _("Published"),
    PRIVATE: _("Private"),
    UNPUBLISHED: _("Not published"),
}


@dataclass
class ActionSummary:
    action_id: str
    title: str = ""
    goal: int | None = None
    supporters: int = 0
    submissions: int = 0
    page_ids: list = field(default_factory=list)
    status: str = UNPUBLISHED
    kind: str = ""

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def letters_pledged(self):
        """Confirmed supporters who say they posted the letter; None for other kinds."""
        return self.supporters if self.kind == ActionKind.LETTER else None

    @property
    def percent_of_goal(self):
        return round(100 * self.supporters / self.goal) if self.goal else None


def placement_status(page, visible):
    """Published when a visitor may read the page (``visible``: the ids of those,
    by ``cms.visibility``), private when it is live but hidden from visitors: behind
    a view restriction on it or above it, or outside every site's tree."""
    if page.pk in visible:
        return PUBLISHED
    return PRIVATE if page.live else UNPUBLISHED


def summaries():
    """One summary per action that is placed on a live page or has submissions.

    An action nobody can take any more is listed only while it has submissions,
    marked as not published; its title is a live page's when there is one.
    """
    totals = ActionCounter.objects.values("action_id").annotate(
        total_supporters=Sum("supporters"), total_submissions=Sum("submissions")
    )
    found = {
        row["action_id"]: ActionSummary(
            row["action_id"],
            supporters=row["total_supporters"],
            submissions=row["total_submissions"],
        )
        for row in totals.order_by()
    }
    placements = list(PlacedAction.objects.select_related("page").order_by("page_id"))
    visible = visible_ids(placement.page_id for placement in placements)
    order = [PUBLISHED, PRIVATE, UNPUBLISHED]
    for placement in placements:
        summary = found.setdefault(
            placement.action_id, ActionSummary(placement.action_id)
        )
        summary.page_ids.append(placement.page_id)
        status = placement_status(placement.page, visible)
        if not summary.title or order.index(status) < order.index(summary.status):
            summary.title = placement.page.title
            value = placed_value(placement.page.specific, placement.action_id)
            summary.goal = value["goal"] if value else None
            summary.kind = value["kind"] if value else ""
        summary.status = min(summary.status, status, key=order.index)
    listed = [s for s in found.values() if s.status != UNPUBLISHED or s.submissions]
    return sorted(listed, key=lambda s: (s.title == "", s.title, s.action_id))


def summary(action_id):
    return next((s for s in summaries() if s.action_id == action_id), None)


def placed_value(page, action_id):
    return next(
        (v for _b, v in action_blocks(page) if v["action_id"] == action_id), None
    )


def per_day(action_id):
    """``[(date, confirmed submissions, first submissions)]``, oldest first."""
    rows = (
        Submission.objects.confirmed()
        .filter(action_id=action_id)
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(total=Count("pk"), first=Count("pk", filter=Q(is_first=True)))
        .order_by("day")
    )
    return [(row["day"], row["total"], row["first"]) for row in rows]


CHART_TOP = 16  # room for the counts above the bars


def chart_bars(days, width=600, height=120):
    """Bars of an inline SVG chart of submissions per day: x, y, width, height.

    ``y`` leaves ``CHART_TOP`` free above the tallest bar for its count.
    """
    if not days:
        return []
    tallest = max(total for _day, total, _first in days)
    step = width / len(days)
    bars = []
    for index, (day, total, first) in enumerate(days):
        bar_height = max(1, round(height * total / tallest))
        bar_width = max(1, round(step * 0.8, 1))
        bars.append(
            {
                "day": day,
                "total": total,
                "first": first,
                "x": round(index * step, 1),
                "y": CHART_TOP + height - bar_height,
                "width": bar_width,
                "middle": round(index * step + bar_width / 2, 1),
                "height": bar_height,
            }
        )
    return bars


def delivery_states(action_id):
    rows = (
        OutgoingMessage.objects.filter(action_id=action_id)
        .values("state")
        .annotate(count=Count("pk"))
    )
    return {row["state"]: row["count"] for row in rows}


def troubled_messages(action_id, limit=50):
    """Messages not sent yet or failed, newest first; no supporter data."""
    return (
        OutgoingMessage.objects.filter(action_id=action_id)
        .exclude(state="sent")
        .only(
            "target_name",
            "target_email",
            "state",
            "attempts",
            "next_attempt_at",
            "last_error",
            "created_at",
        )
        .order_by("-created_at")[:limit]
    )

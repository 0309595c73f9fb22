"""Who may read the action reports, and who may change where supporters' data goes."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from caseblocks.models import ActionTarget

SUBMISSIONS = "caseblocks.view_submission"
REPORTS = "caseblocks.view_report"


def may_read_reports(user):
    """The exact figures of the action reports: supporters and submissions per day,
    messages per delivery state.

    They need a permission of their own ("Can view action reports"), or the one to
    see the submissions themselves. Exact figures tell whoever can watch them
    whether an address just took part (a new submission is stored, a repeat is
    not; with confirmation switched off, a new supporter counts at once), so no
    editor or translator sees them by virtue of using the admin.
    """
    return user.has_perm(REPORTS) or user.has_perm(SUBMISSIONS)


class ActionTargetPermissionPolicy(ModelPermissionPolicy):
    """One permission, "Can change action targets", for every change of a target.

    Adding, editing, deleting and listing records all need it: whoever may add a
    target decides where supporters' data goes as surely as whoever edits one.
    Choosing a target in an action form (the snippet chooser) needs none, so
    editors and translators pick among the records without being able to alter
    them. Superusers pass, as everywhere in Django.
    """

    def _get_permission_codename(self, action):
        return "change_actiontarget"


def register_permission_policies():
    register_permission_policy(
        ActionTarget, ActionTargetPermissionPolicy(ActionTarget), exact_class=True
    )

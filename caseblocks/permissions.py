"""Who may change the records that decide where supporters' data goes."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from caseblocks.models import ActionTarget


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

"""The admin's list of action targets, and their audit trail with before and after.

Wagtail logs who created, edited or deleted a snippet and when, but not what it
held: for a record that decides where supporters' data goes, the log entry of
each change also keeps the record as it was before and after (in its ``data``),
so a changed address can be traced and put back.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from wagtail.actions.create import CreateAction
from wagtail.actions.delete import DeleteAction
from wagtail.actions.edit import EditAction
from wagtail.log_actions import log
from wagtail.snippets.views.snippets import SnippetViewSet

from caseblocks.models import ActionTarget


def stored(instance):
    """The record as the database holds it now, or None."""
    found = type(instance).objects.filter(pk=instance.pk).first()
    return found.audit_data() if found else None


class BeforeAfterMixin:
    """Log the action with the record before and after, instead of Wagtail's entry."""

    def run_logged(self, run, before, **flags):
        action, self.log_action = self.log_action, None
        instance = run()
        if action:
            log(
                instance=instance,
                action=action,
                user=self.user,
                data={"before": before, "after": instance.audit_data()},
                **flags,
            )
        return instance


class AuditedCreateAction(BeforeAfterMixin, CreateAction):
    @transaction.atomic
    def _create(self, skip_permission_checks=False):
        run = super()._create
        return self.run_logged(
            lambda: run(skip_permission_checks), None, content_changed=True
        )


class AuditedEditAction(BeforeAfterMixin, EditAction):
    @transaction.atomic
    def _edit(self, skip_permission_checks=False):
        # Read before the form saves: the instance in memory already holds the
        # new values.
        before = stored(self.instance)
        run = super()._edit
        return self.run_logged(
            lambda: run(skip_permission_checks),
            before,
            content_changed=self.content_changed,
        )


class AuditedDeleteAction(DeleteAction):
    def _delete(self):
        with transaction.atomic():
            if self.log_action:
                log(
                    instance=self.instance,
                    action=self.log_action,
                    user=self.user,
                    deleted=True,
                    data={"before": stored(self.instance), "after": None},
                )
            return self.instance.delete()


AUDITED_ACTIONS = (AuditedCreateAction, AuditedEditAction, AuditedDeleteAction)


class ActionTargetViewSet(SnippetViewSet):
    model = ActionTarget
    icon = "user"
    menu_label = _("Action targets")
    add_to_settings_menu = True
    list_display = ["name", "position", "email", "country"]
    search_fields = ["name", "position", "email"]
    list_filter = ["country"]

"""Fixtures for the fault tests: those of the action forms' tests, shared."""

from tests.caseblocks.conftest import (  # noqa: F401 (fixtures, found by name)
    ACTION_ID,
    action_page,
    actions_settings,
    mailed_links,
    queued_tasks,
    submit,
    supporter,
)

TARGETS = 2  # the action that publish_case places e-mails two targets

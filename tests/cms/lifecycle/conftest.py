import pytest

from cms.lifecycle import content_changed, content_changing


class Heard(list):
    """Every ``content_changed`` sent, as ``(kind, page_ids, change)``."""

    def kinds(self):
        return [kind for kind, _ids, _change in self]

    def of(self, kind):
        [change] = [change for k, _ids, change in self if k == kind]
        return change


@pytest.fixture
def heard():
    events = Heard()

    def listen(sender, change, **kwargs):
        events.append((str(change.kind), set(change.page_ids), change))

    content_changed.connect(listen, dispatch_uid="tests.heard")
    yield events
    content_changed.disconnect(dispatch_uid="tests.heard")


@pytest.fixture
def heard_before_commit():
    events = []

    def listen(sender, change, **kwargs):
        events.append((str(change.kind), set(change.page_ids)))

    content_changing.connect(listen, dispatch_uid="tests.heard_before")
    yield events
    content_changing.disconnect(dispatch_uid="tests.heard_before")


@pytest.fixture
def committing(django_capture_on_commit_callbacks):
    """A block whose on-commit callbacks run at its end, as after a real commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)

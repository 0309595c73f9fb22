"""Failed indexing is retried later, with a doubling wait, when the backend can defer."""

import datetime

import pytest
from django_tasks import default_task_backend

from django.utils import timezone

from search.models import IndexingFailure
from search.tasks import sync_page_task
from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def deferring_backend(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    yield default_task_backend
    default_task_backend.clear()


@pytest.mark.parametrize(("attempt", "wait"), [(1, 30), (2, 60), (3, 120)])
def test_a_failed_sync_is_enqueued_again_with_a_doubling_wait(
    fake_es, deferring_backend, home_page, attempt, wait
):
    page = CasePageFactory()
    deferring_backend.clear()  # Wagtail's own search tasks for the new page
    fake_es.down = True
    before = timezone.now()

    outcome = sync_page_task.call("cms", "casepage", str(page.pk), attempt=attempt)

    assert outcome == "failed"
    assert IndexingFailure.objects.get().object_id == str(page.pk)
    (retry,) = deferring_backend.results
    assert retry.kwargs == {"attempt": attempt + 1}
    assert retry.task.func is sync_page_task.func
    assert list(retry.args) == ["cms", "casepage", str(page.pk)]
    expected = before + datetime.timedelta(seconds=wait)
    assert abs(retry.task.run_after - expected) < datetime.timedelta(seconds=5)


def test_retries_stop_after_the_last_attempt(fake_es, deferring_backend, home_page):
    page = CasePageFactory()
    deferring_backend.clear()  # Wagtail's own search tasks for the new page
    fake_es.down = True
    sync_page_task.call("cms", "casepage", str(page.pk), attempt=4)
    assert deferring_backend.results == []
    assert IndexingFailure.objects.count() == 1  # still visible to staff

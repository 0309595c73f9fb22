"""Where the search task is queued: inside the publish when its row goes to the
page's database, after the commit otherwise (search.subscribers)."""

import pytest
from django_tasks_db.models import DBTaskResult

from django.db import transaction

from wagtail.signals import page_published

from search.tasks import sync_page_task
from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def case_page(home_page):
    page = CasePageFactory(title="Free Erkin Musaev", person_name="Erkin Musaev")
    page.save_revision().publish()
    return page


def queued():
    return DBTaskResult.objects.filter(task_path=sync_page_task.module_path)


def test_the_task_row_is_written_inside_the_publish(
    settings, fake_es, autosync, case_page, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        case_page.save_revision().publish()
        # Before the commit: the row commits with the page, not after it.
        assert queued().count() == 1
    assert queued().count() == 1


def test_the_task_row_is_rolled_back_with_a_failed_publish(
    settings, fake_es, autosync, case_page, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE

    def fail(sender, **kwargs):
        raise RuntimeError("a later receiver failed")

    page_published.connect(fail, dispatch_uid="tests.fail_after_search")
    try:
        with django_capture_on_commit_callbacks(execute=True):
            with pytest.raises(RuntimeError):
                case_page.save_revision().publish()
            assert not queued().exists()
    finally:
        page_published.disconnect(dispatch_uid="tests.fail_after_search")
    assert not queued().exists()


def test_a_rolled_back_savepoint_takes_its_task_row(
    settings, fake_es, autosync, case_page, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            case_page.save_revision().publish()
            assert queued().count() == 1
            raise RuntimeError("the editor's request failed")
        assert not queued().exists()
    assert not queued().exists()


def test_two_committed_transactions_queue_twice(
    settings, fake_es, autosync, case_page, django_capture_on_commit_callbacks
):
    # One task per page per transaction, not per test's lifetime.
    settings.TASKS = DATABASE_QUEUE
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
            case_page.save_revision().publish()
    assert queued().count() == 2


def test_with_the_immediate_backend_the_task_runs_after_commit(
    settings, fake_es, autosync, case_page, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        case_page.save_revision().publish()
        assert fake_es.requests == []  # nothing indexed that may still roll back
    assert fake_es.requests  # indexed once committed

"""What the search plugin adds to a publish: no reads, and one queued task per page."""

import pytest
from django_tasks import default_task_backend
from django_tasks_db.models import DBTaskResult

from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from search.tasks import sync_page_task, sync_subtree_task
from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def case_page(home_page):
    page = CasePageFactory(title="Free Erkin Musaev", person_name="Erkin Musaev")
    page.save_revision().publish()  # the first publish differs: first_published_at
    return page


def set_autosync(settings, on):
    settings.SEARCH = {**settings.SEARCH, "AUTOSYNC": on}


def publish_counting(page, capture, execute):
    """Publish; return the queries run and the on-commit callbacks registered."""
    with (
        CaptureQueriesContext(connection) as queries,
        capture(execute=execute) as callbacks,
    ):
        page.save_revision().publish()
    return len(queries), len(callbacks)


def queued(task_obj):
    return DBTaskResult.objects.filter(task_path=task_obj.module_path)


def test_the_handler_reads_nothing(
    settings, fake_es, case_page, django_capture_on_commit_callbacks
):
    # The dummy queue keeps tasks in memory, so every query counted is the page's
    # or the plugin's.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}
    }
    set_autosync(settings, False)
    off_queries, off_callbacks = publish_counting(
        case_page, django_capture_on_commit_callbacks, execute=True
    )
    set_autosync(settings, True)
    on_queries, on_callbacks = publish_counting(
        case_page, django_capture_on_commit_callbacks, execute=True
    )

    assert on_queries == off_queries
    # The plugin registers no callback of its own: it hears the content event.
    assert on_callbacks == off_callbacks
    ours = [
        r for r in default_task_backend.results if r.task.func is sync_page_task.func
    ]
    assert [r.args for r in ours] == [["cms", "casepage", str(case_page.pk)]]
    assert fake_es.requests == []


def test_a_queued_publish_costs_one_insert(
    settings, fake_es, case_page, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    set_autosync(settings, False)
    off_queries, _ = publish_counting(
        case_page, django_capture_on_commit_callbacks, execute=True
    )
    set_autosync(settings, True)
    on_queries, _ = publish_counting(
        case_page, django_capture_on_commit_callbacks, execute=True
    )

    assert on_queries == off_queries + 1
    task = queued(sync_page_task).get()
    label = case_page._meta
    assert task.args_kwargs["args"] == [
        label.app_label,
        label.model_name,
        str(case_page.pk),
    ]
    assert fake_es.requests == []  # a worker does the indexing


def test_signals_for_one_page_in_one_transaction_make_one_task(
    settings, fake_es, autosync, case_page, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        case_page.save_revision().publish()
        case_page.save_revision().publish()
        case_page.unpublish()

    task = queued(sync_page_task).get()
    assert task.args_kwargs["args"][2] == str(case_page.pk)
    # The publish named CasePage, the unpublish too; the task gets the page class.
    assert task.args_kwargs["args"][:2] == ["cms", "casepage"]


def test_a_rolled_back_savepoint_does_not_lose_a_later_signal(
    settings, fake_es, autosync, case_page, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            case_page.save_revision().publish()
            raise RuntimeError("the editor's request failed")
        case_page.refresh_from_db()
        case_page.save_revision().publish()

    assert queued(sync_page_task).count() == 1


def test_a_deleted_subtree_queues_each_page_once(
    settings, fake_es, autosync, home_page, django_capture_on_commit_callbacks
):
    parent = CasePageFactory(parent=home_page, title="Parent")
    child = CasePageFactory(parent=parent, title="Child")
    settings.TASKS = DATABASE_QUEUE
    with django_capture_on_commit_callbacks(execute=True):
        parent.delete()

    ids = sorted(task.args_kwargs["args"][2] for task in queued(sync_page_task))
    assert ids == sorted([str(parent.pk), str(child.pk)])
    assert not queued(sync_subtree_task).exists()

"""Changes are collected per transaction and sent once it commits, one event per kind."""

import pytest

from django.db import transaction

from cms.lifecycle import Change, ContentChange, announce, uncommitted
from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db


def change(kind, *ids):
    return ContentChange(kind, frozenset(ids))


def test_changes_of_one_transaction_are_one_event_per_kind(heard, committing):
    with committing(), transaction.atomic():
        announce(change(Change.PUBLISHED, 1))
        announce(change(Change.UNPUBLISHED, 3))
        announce(change(Change.PUBLISHED, 2))
    assert [(kind, ids) for kind, ids, _ in heard] == [
        ("published", {1, 2}),
        ("unpublished", {3}),
    ]


def test_a_rolled_back_savepoint_takes_its_changes_with_it(heard, committing):
    with committing(), transaction.atomic():
        announce(change(Change.PUBLISHED, 1))
        with pytest.raises(RuntimeError), transaction.atomic():
            announce(change(Change.PUBLISHED, 2))
            announce(change(Change.DELETED, 3))
            raise RuntimeError("the editor's request failed")
        announce(change(Change.PUBLISHED, 4))
    assert [(kind, ids) for kind, ids, _ in heard] == [("published", {1, 4})]


def test_a_savepoint_that_commits_keeps_its_changes(heard, committing):
    with committing(), transaction.atomic():
        with transaction.atomic():
            announce(change(Change.PUBLISHED, 1))
        announce(change(Change.PUBLISHED, 2))
    assert [(kind, ids) for kind, ids, _ in heard] == [("published", {1, 2})]


def test_a_transaction_rolled_back_sends_nothing_then_or_later(heard, committing):
    with pytest.raises(RuntimeError), transaction.atomic():
        announce(change(Change.PUBLISHED, 1))
        raise RuntimeError
    with committing(), transaction.atomic():
        announce(change(Change.PUBLISHED, 2))
    assert [(kind, ids) for kind, ids, _ in heard] == [("published", {2})]


def test_uncommitted_holds_while_a_surviving_change_waits(committing):
    with committing(), transaction.atomic():
        assert not uncommitted()
        with pytest.raises(RuntimeError), transaction.atomic():
            announce(change(Change.PUBLISHED, 1))
            assert uncommitted()
            raise RuntimeError
        # The savepoint took its change with it.
        assert not uncommitted()
        announce(change(Change.PUBLISHED, 2))
        assert uncommitted()
    assert not uncommitted()


def test_a_change_rolled_back_is_not_uncommitted_while_something_holds_it():
    held = []
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            announce(change(Change.PUBLISHED, 1))
            held.extend(f for _s, f, _r in transaction.get_connection().run_on_commit)
            raise RuntimeError
        assert held
        assert not uncommitted()


@pytest.mark.django_db(transaction=True)
def test_nothing_is_uncommitted_after_a_rollback_or_in_autocommit():
    with pytest.raises(RuntimeError), transaction.atomic():
        announce(change(Change.PUBLISHED, 1))
        raise RuntimeError
    assert not uncommitted()
    announce(change(Change.PUBLISHED, 2))  # sent at once
    assert not uncommitted()


def test_a_real_publish_rolled_back_is_never_heard(heard, committing, home_page):
    page = CasePageFactory(live=False)
    with (
        committing(),
        transaction.atomic(),
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        page.save_revision().publish()
        raise RuntimeError
    assert heard == []


@pytest.mark.django_db(transaction=True)
def test_a_real_commit_sends_each_kind_once(heard, home_page):
    first = CasePageFactory(live=False)
    second = CasePageFactory(live=False)
    heard.clear()  # the home page, added live
    with transaction.atomic():
        first.save_revision().publish()
        second.save_revision().publish()
        assert heard == []
    assert [(kind, ids) for kind, ids, _ in heard] == [
        ("published", {first.pk, second.pk})
    ]

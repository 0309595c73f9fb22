"""What the subscribers add to a publish of a page with no translations and no
action forms: a few reads, no write, and each change's tags read once."""

import pytest

from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.lifecycle.receivers import connect_receivers, disconnect_receivers
from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db

WRITES = ("INSERT", "UPDATE", "DELETE", "SAVEPOINT", "RELEASE", "BEGIN", "COMMIT")


@pytest.fixture
def case_page(home_page):
    page = CasePageFactory(title="Free Erkin Musaev", person_name="Erkin Musaev")
    page.save_revision().publish()  # the first publish differs: first_published_at
    return page


def publish_statements(page, committing, on):
    """The SQL of one publish, on-commit work included, with or without receivers."""
    if not on:
        disconnect_receivers()
    try:
        with committing(), CaptureQueriesContext(connection) as queries:
            page.save_revision().publish()
    finally:
        connect_receivers()
    return [query["sql"] for query in queries]


def writes(statements):
    return [sql for sql in statements if sql.lstrip().upper().startswith(WRITES)]


def test_a_plain_publish_adds_three_reads_and_no_write(case_page, committing):
    off = publish_statements(case_page, committing, on=False)
    on = publish_statements(case_page, committing, on=True)

    # The pages whose tags the change renews (read once, for the renewal and
    # the purge), the page's placed actions, and with the translation plugin
    # the translation group's sources.
    translation = apps.is_installed("cms.translation")
    assert len(on) - len(off) == (3 if translation else 2)
    assert len(writes(on)) == len(writes(off))

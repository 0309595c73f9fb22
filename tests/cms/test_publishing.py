"""Every page type publishes in one transaction (cms.models.publishing)."""

import pytest

from django.db import connection

from wagtail.models import Page, get_page_models
from wagtail.signals import page_published

from cms.models.publishing import AtomicPublishMixin
from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db


def test_every_page_type_publishes_atomically():
    ours = [model for model in get_page_models() if model._meta.app_label == "cms"]
    assert ours
    assert [m for m in ours if not issubclass(m, AtomicPublishMixin)] == []


@pytest.mark.django_db(transaction=True)
def test_page_published_is_sent_inside_the_transaction(home_page):
    # Outside any test transaction: Wagtail's action alone would autocommit.
    page = CasePageFactory(title="Free Erkin Musaev")
    revision = page.save_revision()
    heard = []

    def in_transaction(sender, **kwargs):
        heard.append(connection.in_atomic_block)

    page_published.connect(in_transaction, dispatch_uid="tests.in_transaction")
    try:
        revision.publish()
    finally:
        page_published.disconnect(dispatch_uid="tests.in_transaction")

    assert heard == [True]
    assert not connection.in_atomic_block


def test_a_failure_inside_rolls_the_whole_publish_back(home_page):
    page = CasePageFactory(title="Free Erkin Musaev", live=False)
    page.save_revision().publish()
    page.title = "Free Erkin Musaev now"
    revision = page.save_revision()
    before = Page.objects.values("title", "live_revision_id").get(pk=page.pk)

    def fail(sender, **kwargs):
        raise RuntimeError("a receiver failed")

    page_published.connect(fail, dispatch_uid="tests.fail")
    try:
        with pytest.raises(RuntimeError):
            revision.publish()
    finally:
        page_published.disconnect(dispatch_uid="tests.fail")

    assert Page.objects.values("title", "live_revision_id").get(pk=page.pk) == before
    assert not page.revisions.filter(pk=revision.pk, approved_go_live_at__isnull=False)

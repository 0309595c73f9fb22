"""Tier 2: signals → tasks → the real client, against the fake node."""

import pytest

from wagtail.models import PageViewRestriction

from search.documents import index_alias
from search.models import IndexingFailure
from tests.factories import CaseIndexPageFactory, CasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Publish a page the way the editor does, running the on-commit callbacks."""

    def publish(page):
        with django_capture_on_commit_callbacks(execute=True):
            page.save_revision().publish()
        return page

    return publish


@pytest.fixture
def case_page(home_page):
    return CasePageFactory(title="Free Erkin Musaev", person_name="Erkin Musaev")


def stored(cluster, page):
    return cluster.documents(index_alias("en")).get(str(page.pk))


def test_publish_creates_the_index_behind_an_alias_and_indexes_the_page(
    fake_es, autosync, publish, case_page
):
    publish(case_page)

    alias = index_alias("en")
    create = fake_es.find("PUT", rf"/{alias}-\d+")
    assert len(create) == 1
    assert create[0].body["aliases"] == {alias: {}}
    assert create[0].body["mappings"]["properties"]["title"]["analyzer"] == "english"
    put = fake_es.find("PUT", rf"/{alias}/_doc/{case_page.pk}")
    assert len(put) == 1
    assert put[0].body["title"] == "Free Erkin Musaev"
    assert put[0].body["type"] == "cms.CasePage"


def test_client_asks_for_version_8_compatibility(fake_es, autosync, publish, case_page):
    publish(case_page)
    put = fake_es.find("PUT", rf"/{index_alias('en')}/_doc/{case_page.pk}")[0]
    compat = "application/vnd.elasticsearch+json; compatible-with=8"
    assert put.headers["accept"] == compat
    assert put.headers["content-type"] == compat


def test_a_draft_after_publishing_does_not_reach_the_index(
    fake_es, autosync, publish, case_page, django_capture_on_commit_callbacks
):
    publish(case_page)
    before = dict(stored(fake_es, case_page))
    requests_before = len(fake_es.requests)

    case_page.title = "Draft title, not for readers"
    case_page.summary = "Unreviewed draft summary"
    with django_capture_on_commit_callbacks(execute=True):
        case_page.save_revision()

    assert len(fake_es.requests) == requests_before
    assert stored(fake_es, case_page) == before


def test_unpublishing_removes_the_page(
    fake_es, autosync, publish, case_page, django_capture_on_commit_callbacks
):
    publish(case_page)
    with django_capture_on_commit_callbacks(execute=True):
        case_page.unpublish()
    assert stored(fake_es, case_page) is None
    bulk = fake_es.find("PUT", "/_bulk")[-1]
    assert {
        "delete": {"_index": index_alias("en"), "_id": str(case_page.pk)}
    } in bulk.body


def test_deleting_removes_the_page(
    fake_es, autosync, publish, case_page, django_capture_on_commit_callbacks
):
    publish(case_page)
    with django_capture_on_commit_callbacks(execute=True):
        case_page.delete()
    assert stored(fake_es, case_page) is None


def test_a_view_restriction_removes_the_subtree_and_lifting_it_restores(
    fake_es, autosync, publish, case_page, django_capture_on_commit_callbacks
):
    publish(case_page)
    section = case_page.get_parent()
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    assert stored(fake_es, case_page) is None

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert stored(fake_es, case_page)["title"] == "Free Erkin Musaev"


def test_moving_under_a_private_page_removes_the_page(
    fake_es, autosync, publish, case_page, django_capture_on_commit_callbacks
):
    publish(case_page)
    private = CaseIndexPageFactory(slug="private-cases", title="Private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    with django_capture_on_commit_callbacks(execute=True):
        case_page.move(private, pos="last-child")
    assert stored(fake_es, case_page) is None


def test_autosync_off_sends_nothing(fake_es, publish, case_page):
    publish(case_page)
    assert fake_es.requests == []


def test_publishing_succeeds_while_elasticsearch_is_down_and_the_failure_is_kept(
    fake_es, autosync, publish, case_page
):
    fake_es.down = True
    publish(case_page)

    case_page.refresh_from_db()
    assert case_page.live
    failure = IndexingFailure.objects.get()
    assert (failure.model_name, failure.object_id) == ("casepage", str(case_page.pk))
    assert failure.error.startswith("ConnectionError")

    publish(case_page)  # a second failure counts, it does not duplicate
    assert IndexingFailure.objects.get().attempts == 2


def test_a_privacy_change_reindexes_live_content_never_a_draft(
    fake_es, autosync, publish, case_page, django_capture_on_commit_callbacks
):
    # The only post_save handler is for view restrictions; the subtree sync it
    # asks for reads stored, live pages, never an instance holding a draft.
    publish(case_page)
    section = case_page.get_parent()
    never_published = CasePageFactory(title="Never published draft", live=False)
    assert never_published.get_parent() == section
    case_page.title = "Draft title, not for readers"
    with django_capture_on_commit_callbacks(execute=True):
        case_page.save_revision()
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        restriction.delete()

    assert stored(fake_es, case_page)["title"] == "Free Erkin Musaev"
    assert stored(fake_es, never_published) is None

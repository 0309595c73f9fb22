"""Elasticsearch goes away in the middle of ``manage.py search_index --rebuild``.

The real client and bulk helpers talk to the fake node of ``tests/search``; an
``Outage`` takes the fake cluster down from a chosen request on. Outages around
a publish, and their retries, are tested in ``tests/search/test_sync.py``,
``test_retries.py`` and ``test_search_index_command.py``.
"""

import re
from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from wagtail.models import PageViewRestriction

from cms.models import CasePage
from search.backends.elasticsearch.client import reset_client
from search.documents import index_alias
from search.models import IndexingFailure
from tests.factories import CasePageFactory
from tests.search.fake_es import CURRENT, FakeCluster, FakeNode

pytestmark = pytest.mark.django_db


class Outage:
    """The cluster fails from the first request ``starts`` accepts, for ``length``
    requests (``None``: until the test ends it)."""

    def __init__(self, starts, length=None):
        self.starts, self.length, self.failed = starts, length, None

    def is_down(self, method, path):
        if self.failed is None and self.starts(method, path):
            self.failed = 0
        if self.failed is None:
            return False
        self.failed += 1
        return self.length is None or self.failed <= self.length


class FlakyNode(FakeNode):
    """The fake node, down while the cluster's ``outage`` says so."""

    def perform_request(self, method, target, *args, **kwargs):
        cluster = CURRENT["cluster"]
        outage = getattr(cluster, "outage", None)
        if outage is not None:
            cluster.down = outage.is_down(method, target.split("?")[0])
        return super().perform_request(method, target, *args, **kwargs)


@pytest.fixture
def cluster(settings):
    fake = FakeCluster()
    CURRENT["cluster"] = fake
    settings.SEARCH = {
        **settings.SEARCH,
        "URL": "http://fake-es:9200",
        "CONNECTION": {"node_class": FlakyNode, "max_retries": 0},
        "BULK_CHUNK_SIZE": 2,  # several bulk requests for a few pages
    }
    reset_client()
    yield fake
    reset_client()


@pytest.fixture
def indexed(cluster, home_page):
    """Pages in a complete index behind the alias, from a first rebuild."""
    for n in range(4):
        CasePageFactory(title=f"Case {n}")
    rebuild()
    alias = index_alias("en")
    return cluster.aliases[alias], dict(cluster.documents(alias))


def rebuild():
    out, err = StringIO(), StringIO()
    call_command("search_index", "--rebuild", "--locale", "en", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def found(client):
    """Ids of the pages a search for "case" answers."""
    response = client.get("/api/v1/search/", {"q": "case", "locale": "en"})
    results = response.json()["items"]
    return {result["id"] for result in results}


def nth_bulk(n):
    seen = []

    def starts(method, path):
        if path == "/_bulk":
            seen.append(path)
        return len(seen) == n

    return starts


def is_swap(method, path):
    return path == "/_aliases"


@pytest.mark.parametrize(
    ("starts", "length", "what_became_of_it"),
    [
        (nth_bulk(2), None, "is left behind: delete it once the cluster answers"),
        (nth_bulk(2), 1, "was deleted"),  # back by the time of the clean-up
        (is_swap, 1, "was deleted"),
    ],
    ids=["mid-load, still down", "mid-load, brief", "at the swap, brief"],
)
def test_a_rebuild_cut_off_leaves_the_alias_on_the_old_index_and_a_rerun_succeeds(
    cluster, indexed, starts, length, what_became_of_it
):
    old_index, old_documents = indexed
    alias = index_alias("en")
    CasePageFactory(title="Published since the last rebuild")
    cluster.outage = Outage(starts, length)

    with pytest.raises(CommandError) as failure:
        rebuild()

    message = str(failure.value)
    assert failure.value.returncode == 1  # manage.py exits with it
    assert f"The rebuild of {alias} stopped before the swap (ConnectionError" in message
    (unfinished,) = re.findall(rf"{alias}-\d+", message)
    assert f"{alias} is unchanged" in message
    assert f"the unfinished index {unfinished} {what_became_of_it}" in message
    assert cluster.aliases[alias] == old_index
    assert cluster.documents(alias) == old_documents  # searches still find them all
    assert (unfinished in cluster.indices) is (length is None)

    cluster.outage = None
    cluster.down = False
    out, _ = rebuild()

    new_index = cluster.aliases[alias]
    assert f"{alias} → {new_index}: {len(old_documents) + 1} pages loaded" in out
    assert set(cluster.documents(alias)) > set(old_documents)
    assert old_index not in cluster.indices


def test_pages_made_private_during_an_outage_stay_out_of_search_until_removed(
    cluster, indexed, settings, client, django_capture_on_commit_callbacks
):
    """The removal from the index fails half-way through the privacy change."""
    settings.SEARCH = {**settings.SEARCH, "AUTOSYNC": True}
    alias = index_alias("en")
    cases = {case.pk for case in CasePage.objects.all()}
    section = CasePage.objects.first().get_parent()
    assert found(client) >= cases
    cluster.outage = Outage(lambda method, path: path == "/_bulk")

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )

    failure = IndexingFailure.objects.get()  # staff see it
    assert (failure.action, failure.object_id) == ("subtree", str(section.pk))
    cluster.outage = None
    cluster.down = False
    assert {str(pk) for pk in cases} <= set(cluster.documents(alias))
    assert not found(client) & cases  # still in the index, never served

    out = StringIO()
    call_command("search_index", "--retry-failed", stdout=out)

    assert f"subtree wagtailcore.page.{section.pk}" in out.getvalue()
    assert not {str(pk) for pk in cases} & set(cluster.documents(alias))
    assert not IndexingFailure.objects.exists()

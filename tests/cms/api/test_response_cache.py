"""Whole public responses come from the shared cache until the public content changes."""

import pytest

from django.core.cache import cache
from django.db import connection, transaction
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.models import PageViewRestriction

from cms.api import tags
from cms.api.responses import response_key, store_answer
from tests.factories import CasePageFactory


def public_urls(page):
    return [
        "/api/v1/pages/?type=case",
        f"/api/v1/pages/{page.pk}/",
        "/api/v1/pages/find/?path=/en/cases/erzhan-elshibayev/",
        "/api/v1/countries/",
        "/api/v1/countries/KZ/",
    ]


def warm(client, urls):
    responses = {url: client.get(url) for url in urls}
    assert all(r.status_code == 200 for r in responses.values()), responses
    return responses


def plant(url, body, shows=("page:1",)):
    """Store ``body`` as the cached response of ``url``, tagged ``shows``."""
    with translation.override("en"):
        key = response_key(RequestFactory().get(url))
    store_answer(key, tags.mark(), ('"planted"', body, None), set(shows))
    return key


@pytest.mark.django_db
def test_a_warm_request_issues_no_query(client, case_page, django_assert_num_queries):
    urls = public_urls(case_page)
    first = warm(client, urls)
    for url in urls:
        with django_assert_num_queries(0):
            again = client.get(url)
        assert again.content == first[url].content, url
        assert again["ETag"] == first[url]["ETag"]
        assert "max-age" in again["Cache-Control"]
        with django_assert_num_queries(0):
            unchanged = client.get(url, HTTP_IF_NONE_MATCH=first[url]["ETag"])
        assert unchanged.status_code == 304
        assert unchanged.content == b""


@pytest.mark.django_db
def test_the_query_string_is_normalised(client, case_page, django_assert_num_queries):
    client.get("/api/v1/pages/?type=case&limit=5")
    with django_assert_num_queries(0):
        assert client.get("/api/v1/pages/?limit=5&type=case").status_code == 200


TITLE = b'"title":"Erzhan Elshibayev"'


def rename(page):
    page.title = "Renamed case"
    page.save_revision().publish()


def unpublish(page):
    page.unpublish()


def restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    "change", [rename, unpublish, restrict], ids=lambda f: f.__name__
)
def test_a_public_change_shows_on_the_next_request(
    client, case_page, change, django_capture_on_commit_callbacks
):
    case_page.save_revision().publish()
    urls = public_urls(case_page)
    before = warm(client, urls)
    assert all(TITLE in r.content for r in before.values())
    with django_capture_on_commit_callbacks(execute=True):
        change(case_page)
    for url in urls:
        response = client.get(url)
        assert TITLE not in response.content, url
        if change is rename:
            assert b'"title":"Renamed case"' in response.content, url
    assert client.get(f"/api/v1/pages/{case_page.pk}/").status_code == (
        200 if change is rename else 404
    )


@pytest.mark.django_db
def test_a_page_added_live_is_announced_when_it_is_published(
    client, case_page, django_capture_on_commit_callbacks
):
    # Pages come into the content event by publishing (cms/lifecycle/receivers.py
    # never listens to post_save on pages): a script that adds a page live
    # publishes it too, as Wagtail's own import tools do.
    warm(client, ["/api/v1/pages/?type=case"])
    with django_capture_on_commit_callbacks(execute=True):
        added = CasePageFactory(title="Added live", parent=case_page.get_parent())
        added.save_revision().publish()
    assert added.pk in [
        item["id"] for item in client.get("/api/v1/pages/?type=case").json()["items"]
    ]


@pytest.mark.django_db
def test_a_draft_save_leaves_the_public_responses_cached(
    client, case_page, django_assert_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        case_page.save_revision().publish()
    urls = public_urls(case_page)
    before = warm(client, urls)
    case_page.title = "Draft title"
    case_page.save_revision()
    for url in urls:
        with django_assert_num_queries(0):
            response = client.get(url)
        assert response.content == before[url].content, url
    cache.clear()  # made afresh, the responses still show the live page only
    for url in urls:
        assert b"Draft title" not in client.get(url).content, url


@pytest.mark.django_db
def test_signed_in_requests_neither_read_nor_fill_the_cache(
    client, admin_client, case_page
):
    url = f"/api/v1/pages/{case_page.pk}/"
    key = plant(url, b'{"title": "planted"}')
    assert client.get(url).content == b'{"title": "planted"}'  # anonymous reads it
    assert admin_client.get(url).json()["title"] == "Erzhan Elshibayev"
    cache.delete(key)
    admin_client.get(url)
    assert cache.get(key) is None


@pytest.mark.django_db
@pytest.mark.parametrize("parameter", ["preview_token", "token"])
def test_preview_requests_neither_read_nor_fill_the_cache(client, case_page, parameter):
    url = f"/api/v1/pages/{case_page.pk}/?{parameter}=anything"
    key = plant(url, b'{"title": "planted"}')
    assert client.get(url).json()["title"] == "Erzhan Elshibayev"
    cache.delete(key)
    client.get(url)
    assert cache.get(key) is None


@pytest.mark.django_db
def test_a_preview_token_header_neither_reads_nor_fills_the_cache(client, case_page):
    url = f"/api/v1/pages/{case_page.pk}/"
    key = plant(url, b'{"title": "planted"}')
    answer = client.get(url, HTTP_X_PREVIEW_TOKEN="anything")
    assert answer.json()["title"] == "Erzhan Elshibayev"
    cache.delete(key)
    client.get(url, HTTP_X_PREVIEW_TOKEN="anything")
    assert cache.get(key) is None


@pytest.mark.django_db
def test_an_entry_with_a_renewed_tag_is_not_served(client, case_page):
    url = f"/api/v1/pages/{case_page.pk}/"
    plant(url, b'{"title": "planted"}', shows={f"page:{case_page.pk}", "site"})
    assert client.get(url).json()["title"] == "planted"
    tags.renew({f"page:{case_page.pk}"})
    assert client.get(url).json()["title"] == "Erzhan Elshibayev"


@pytest.mark.django_db
def test_the_tags_are_renewed_when_the_publish_commits(
    case_page, django_capture_on_commit_callbacks
):
    tag = f"page:{case_page.pk}"
    tags.store({"probe": ("old", {tag})}, tags.mark())
    with django_capture_on_commit_callbacks(execute=True):
        rename(case_page)
        # Until the commit, the publishing transaction neither meets what was
        # cached before the publish...
        assert tags.lookup(["probe"])[0] == {}
        # ...nor caches what it makes from rows that could still roll back.
        tags.store({"probe": ("during", {tag})}, tags.mark())
        assert cache.get("probe")[0] == "old"
    # The commit renews the page's tags: the old entry is stale, a new one serves.
    assert tags.lookup(["probe"])[0] == {}
    tags.store({"probe": ("after", {tag})}, tags.mark())
    assert tags.lookup(["probe"])[0] == {"probe": "after"}


@pytest.mark.django_db(transaction=True)
def test_an_answer_made_inside_a_publish_that_rolls_back_is_never_served(
    client, case_page
):
    url = f"/api/v1/pages/{case_page.pk}/"
    assert client.get(url).json()["title"] == "Erzhan Elshibayev"
    with pytest.raises(RuntimeError), transaction.atomic():
        rename(case_page)
        # The transaction's own read sees its change, from the database...
        assert client.get(url).json()["title"] == "Renamed case"
        raise RuntimeError("the publish fails after all")
    # ...and that answer was not cached: the rename never happened.
    assert client.get(url).json()["title"] == "Erzhan Elshibayev"


@pytest.mark.django_db(transaction=True)
def test_a_publish_outside_a_transaction_renews_its_tags_once(case_page, monkeypatch):
    # The admin's edit view runs Wagtail's publish action itself, in no
    # transaction: page_published comes after the page's save has committed, and
    # the renewal when the change is noted is already the one after the commit.
    renewed = []
    monkeypatch.setattr(tags, "renew", lambda changed: renewed.append(set(changed)))
    case_page.title = "Renamed case"
    PublishPageRevisionAction(case_page.save_revision()).execute()
    assert len(renewed) == 1
    assert f"page:{case_page.pk}" in renewed[0]


@pytest.mark.django_db(transaction=True)
def test_a_page_publish_renews_its_tags_once_after_it_commits(case_page, monkeypatch):
    # page.publish() is one transaction (cms.models.publishing): its tags are
    # renewed once, when it has committed, not also while it is open.
    renewed = []

    def renew(changed):
        renewed.append((set(changed), connection.in_atomic_block))

    monkeypatch.setattr(tags, "renew", renew)
    rename(case_page)
    assert len(renewed) == 1
    changed, in_transaction = renewed[0]
    assert f"page:{case_page.pk}" in changed
    assert not in_transaction


def site_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # Lookups of the site itself, not the page queries whose visibility
    # condition has a subquery on sites (cms.visibility).
    return [
        q["sql"]
        for q in queries
        if 'FROM "wagtailcore_site"' in q["sql"].partition(" WHERE ")[0]
    ]


@pytest.mark.django_db
def test_cold_requests_find_the_site_once_until_a_site_changes(
    client, case_page, django_capture_on_commit_callbacks
):
    # Three page types are read, but the site is looked up once...
    assert len(site_queries(client, "/api/v1/countries/")) == 1
    # ...and not again for another uncached response, even after a publish...
    assert site_queries(client, "/api/v1/countries/?locale=en") == []
    with django_capture_on_commit_callbacks(execute=True):
        case_page.save_revision().publish()
    assert site_queries(client, "/api/v1/countries/?locale=ru") == []
    # ...until a site changes.
    site = case_page.get_site()
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    assert len(site_queries(client, "/api/v1/countries/?locale=zh-hant")) == 1


class CountedReads:
    """The cache, counting its ``get_many`` calls."""

    def __init__(self, cache):
        self.cache, self.reads = cache, 0

    def get_many(self, keys):
        self.reads += 1
        return self.cache.get_many(keys)

    def __getattr__(self, name):
        return getattr(self.cache, name)


@pytest.mark.django_db
def test_a_warm_hit_reads_the_cache_once(client, case_page, monkeypatch):
    urls = public_urls(case_page)
    warm(client, urls)
    counted = CountedReads(cache)
    monkeypatch.setattr(tags, "cache", counted)
    monkeypatch.setattr("cms.api.responses.cache", counted)
    for url in urls:
        counted.reads = 0
        assert client.get(url).status_code == 200
        assert counted.reads == 1, url
    # After a change the versions are read again, then known once more.
    tags.renew({"page:0"})
    counted.reads = 0
    client.get(urls[1])
    assert counted.reads == 2
    counted.reads = 0
    client.get(urls[1])
    assert counted.reads == 1


@pytest.mark.django_db
def test_a_change_another_process_made_is_seen_through_the_versions_known(
    client, case_page
):
    url = f"/api/v1/pages/{case_page.pk}/"
    plant(url, b'{"title": "planted"}', shows={f"page:{case_page.pk}", "site"})
    assert client.get(url).json()["title"] == "planted"
    assert tags.known.state[1]  # this process now knows the entry's versions
    # Another process renews the tag: only the shared cache hears of it.
    renewed = {
        tags.VERSION_KEY.format(tag=f"page:{case_page.pk}"): 1,
        tags.COUNTER_KEY: tags.fresh_counter(),
    }
    cache.set_many(renewed, None)
    assert client.get(url).json()["title"] == "Erzhan Elshibayev"


def test_a_renewal_writes_the_counter_with_its_tags_and_last(monkeypatch):
    writes = []
    monkeypatch.setattr(
        tags.cache, "set", lambda key, value, timeout: writes.append([key])
    )
    monkeypatch.setattr(
        tags.cache, "set_many", lambda data, timeout: writes.append(list(data))
    )
    tags.renew({"page:1", "site"})
    first, together = writes
    assert first == [tags.COUNTER_KEY]
    assert together[-1] == tags.COUNTER_KEY
    assert set(together[:-1]) == set(tags.version_keys({"page:1", "site"}))


def test_on_redis_a_renewal_is_one_write_of_its_tags_and_the_counter(
    redis_cache, redis_commands
):
    # One MSET, which no read sees half done: the counter needs no write before it.
    tags.mark()
    redis_cache.watch(tags.COUNTER_KEY).mark()  # the process's watch, once
    redis_commands.clear()
    tags.renew({"page:1", "site"})
    assert [name for name in redis_commands if name not in ("MULTI", "EXEC")] == [
        "MSET"
    ]


def test_on_redis_rows_read_before_a_renewal_are_not_stored_under_it(redis_cache):
    before = tags.mark()
    tags.renew({"page:1"})
    tags.store({"probe": ("old", {"page:1"})}, before)
    assert tags.lookup(["probe"])[0] == {}
    tags.store({"probe": ("new", {"page:1"})}, tags.mark())
    assert tags.lookup(["probe"])[0] == {"probe": "new"}


def test_new_tags_get_their_versions_in_one_write(monkeypatch):
    counter = tags.mark()
    monkeypatch.setattr(tags.cache, "add", None)  # never one key at a time
    versions = tags.versions_for({f"page:{pk}" for pk in range(50)}, counter)
    assert len(versions) == 50
    assert None not in versions.values()

"""The CDN hears exactly the tags, or the recorded URLs, a change made stale."""

import json

import pytest

from django.http import HttpResponse

from cms.api import purge
from cms.lifecycle import Change, ContentChange

from .cdn_server import RecordingCDN


@pytest.fixture
def cdn():
    server = RecordingCDN()
    yield server
    server.stop()


@pytest.fixture
def fastly(settings, cdn):
    settings.WAGTAILFRONTENDCACHE = {
        "fastly": {
            "BACKEND": "cms.api.purge.SurrogateKeyBackend",
            "SERVICE_ID": "svc1",
            "API_TOKEN": "fastly-token",
            "API_URL": cdn.url,
        }
    }
    return cdn


@pytest.fixture
def varnish(settings, cdn):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": cdn.url,
        }
    }
    return cdn


def test_answers_name_their_tags_for_a_tag_purging_cdn(fastly):
    response = HttpResponse()
    purge.set_tag_headers(response, {"page:7", "type:cms.casepage", "page:12"})
    assert response["Surrogate-Key"] == "page:12 page:7 type:cms.casepage"


def test_no_tag_header_without_a_cdn_that_purges_by_tag(settings, varnish):
    response = HttpResponse()
    purge.set_tag_headers(response, {"page:7"})
    assert "Surrogate-Key" not in response
    settings.WAGTAILFRONTENDCACHE = {}
    purge.set_tag_headers(response, {"page:7"})
    assert "Surrogate-Key" not in response


def test_too_many_tags_fall_back_to_the_tag_every_purge_names(fastly):
    response = HttpResponse()
    purge.set_tag_headers(response, {f"page:{n}" for n in range(3000)})
    assert response["Surrogate-Key"] == purge.OVERFLOW_TAG
    purge.purge({"page:1"})
    keys = fastly.requests[0]["headers"]["Surrogate-Key"].split()
    assert purge.OVERFLOW_TAG in keys


def test_fastly_gets_the_changed_tags_in_batches_of_its_limit(fastly):
    tags = {f"page:{n}" for n in range(300)}
    purge.purge(tags)
    assert [request["method"] for request in fastly.requests] == ["POST", "POST"]
    assert {request["path"] for request in fastly.requests} == {"/service/svc1/purge"}
    sent = [request["headers"]["Surrogate-Key"].split() for request in fastly.requests]
    assert [len(keys) for keys in sent] == [256, 45]
    assert set().union(*sent) == tags | {purge.OVERFLOW_TAG}
    assert all(r["headers"]["Fastly-Key"] == "fastly-token" for r in fastly.requests)
    assert all(r["headers"]["Fastly-Soft-Purge"] == "1" for r in fastly.requests)


def test_cloudflare_gets_cache_tags(settings, cdn):
    settings.WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "cms.api.purge.CloudflareTagBackend",
            "BEARER_TOKEN": "cf-token",
            "ZONEID": "zone9",
            "API_URL": cdn.url,
        }
    }
    response = HttpResponse()
    purge.set_tag_headers(response, {"page:7", "type:cms.newspage"})
    assert response["Cache-Tag"] == "page:7,type:cms.newspage"
    purge.purge({f"page:{n}" for n in range(40)})
    assert [r["path"] for r in cdn.requests] == ["/zones/zone9/purge_cache"] * 2
    sent = [json.loads(r["body"])["tags"] for r in cdn.requests]
    assert [len(tags) for tags in sent] == [30, 11]
    assert cdn.requests[0]["headers"]["Authorization"] == "Bearer cf-token"


@pytest.mark.django_db
def test_a_url_cdn_is_purged_of_every_url_recorded_under_the_tags(varnish):
    purge.remember("http://cms.example/api/v1/countries/uz/", {"page:3", "page:4"})
    purge.remember("http://cms.example/api/v1/pages/?country=uz", {"page:3"})
    purge.remember("http://cms.example/api/v1/pages/9/", {"page:9"})
    purge.purge({"page:3"})
    purged = {(r["method"], r["path"], r["headers"]["Host"]) for r in varnish.requests}
    assert purged == {
        ("PURGE", "/api/v1/countries/uz/", "cms.example"),
        ("PURGE", "/api/v1/pages/?country=uz", "cms.example"),
    }


@pytest.mark.django_db
def test_a_change_purges_its_pages_own_urls_and_old_paths(varnish, settings):
    settings.WAGTAILAPI_BASE_URL = "http://cms.example"
    change = ContentChange(
        Change.MOVED, frozenset({5}), paths={5: "/en/cases/old-slug/"}
    )
    purge.purge({"page:5"}, change)
    assert {r["path"] for r in varnish.requests} == {
        "/api/v1/pages/5/",
        "/api/v1/pages/find/?path=/en/cases/old-slug/",
    }


def test_nothing_is_recorded_or_sent_without_a_cdn(settings, cdn):
    settings.WAGTAILFRONTENDCACHE = {}
    purge.remember("http://cms.example/api/v1/pages/", {"page:1"})
    purge.purge({"page:1"})
    assert purge.recorded_urls({"page:1"}) == set()
    assert cdn.requests == []


def test_a_tag_cdn_records_no_urls(fastly):
    purge.remember("http://cms.example/api/v1/pages/", {"page:1"})
    assert purge.recorded_urls({"page:1"}) == set()


def test_workers_record_urls_in_one_redis_set_that_expires(redis_cache, varnish):
    from cms.api.purge import RedisURLIndex

    index = RedisURLIndex(redis_cache)
    index.add("http://a/1", {"page:1"}, 30)
    index.add("http://a/2", {"page:1", "page:2"}, 30)
    assert purge.url_index().urls({"page:1"}) == {"http://a/1", "http://a/2"}
    assert purge.url_index().urls({"page:2", "page:3"}) == {"http://a/2"}
    ttl = index.client().ttl(index.key("page:1"))
    assert 0 < ttl <= 30


@pytest.mark.parametrize("backend", ["memory", "redis"])
def test_made_up_urls_cannot_grow_a_tag_without_bound(
    backend, request, varnish, monkeypatch
):
    if backend == "redis":
        request.getfixturevalue("redis_cache")
    monkeypatch.setattr(purge, "URLS_PER_TAG", 3)
    for n in range(6):
        purge.remember(f"http://a/pages/?junk={n}", {"page:1"})
    assert purge.recorded_urls({"page:1"}) == {
        f"http://a/pages/?junk={n}" for n in range(3)
    }

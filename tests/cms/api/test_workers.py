"""Through several gunicorn workers sharing Redis: no URL that showed a changed
page serves its old answer, and an unrelated page's answer stays cached.

The workers and the editor are processes of their own on a database of this
test's (a SQLite file, or a PostgreSQL database beside the test one), so the
change reaches the workers only as it would in production: through the content
event renewing tags in the shared Redis (``REDIS_URL`` database 6 unless
``TEST_REDIS_URL`` says otherwise).
"""

import json
import os
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest

from django.core.cache.backends.redis import RedisCache
from django.test import RequestFactory
from django.utils import translation

from bench.server import start_gunicorn
from cms.api import caching, responses, tags

ROOT = Path(__file__).resolve().parents[3]
# One port per xdist worker: two of this module's tests may run at once.
PORT = int(os.environ.get("TEST_WORKERS_PORT", "8611")) + int(
    os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0
)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/6")
OLD = "Erzhan Elshibayev"


def own_database(tmp_path, template=None):
    """A database URL of this test's own, and how to drop it.

    ``template``: a database URL of the same kind to copy, rows and all.
    """
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        path = tmp_path / "workers.sqlite3"
        if template:
            shutil.copyfile(template.removeprefix("sqlite:///"), path)
        return f"sqlite:///{path}", lambda: None
    import psycopg

    base, _, name = url.rpartition("/")
    name = f"{name}_workers_{uuid.uuid4().hex[:8]}"
    admin = f"{base}/postgres"
    copy = f' TEMPLATE "{template.rpartition("/")[2]}"' if template else ""
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"{copy}')

    def drop():
        with psycopg.connect(admin, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"{base}/{name}", drop


def environment(database, prefix=""):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.cms.api.workers.settings",
        "DATABASE_URL": database,
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "WAGTAILAPI_BASE_URL": f"http://127.0.0.1:{PORT}",
    }


def run_editor(env, *args):
    done = subprocess.run(
        [sys.executable, "-m", "tests.cms.api.workers.editor", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


@pytest.fixture(scope="module")
def seeded(tmp_path_factory):
    """``(database, ids)``: migrated and seeded once, and copied for each test
    (migrating takes most of a test's time)."""
    database, drop = own_database(tmp_path_factory.mktemp("workers-template"))
    prefix = f"test-workers-seed-{uuid.uuid4().hex[:8]}"
    ids = json.loads(run_editor(environment(database, prefix), "seed"))
    forget_keys(prefix)
    yield database, ids
    drop()


def forget_keys(prefix):
    client = RedisCache(REDIS_URL, {})._cache.get_client(write=True)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture
def site(seeded, tmp_path):
    template, ids = seeded
    database, drop = own_database(tmp_path, template=template)
    prefix = f"test-workers-{uuid.uuid4().hex[:8]}"
    env = environment(database, prefix)

    def editor(*args):
        return run_editor(env, *args)

    shared = RedisCache(REDIS_URL, {"KEY_PREFIX": prefix})
    server = start_gunicorn(PORT, 2, env, ready_path="/api/v1/pages/")
    try:
        yield ids, editor, shared
    finally:
        server.terminate()
        server.wait()
        forget_keys(prefix)
        drop()


def get(url):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{PORT}{url}", timeout=30) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def answers(url, times=6):
    """What ``url`` answers, asked often enough that both workers answer."""
    return [get(url) for _ in range(times)]


def urls_showing(ids, path):
    changed = ids["changed"]
    return [
        f"/api/v1/pages/{changed}/",
        f"/api/v1/pages/find/?path={path}",
        "/api/v1/pages/?type=case",
        "/api/v1/pages/?type=case&country=KZ",
        "/api/v1/pages/?type=case&country=KZ&limit=1&offset=1",
        "/api/v1/countries/KZ/",
        "/api/v1/countries/",
        "/api/v1/campaigns/w4r/?include=cases",
        path,
    ]


def is_cached_hit(shared, monkeypatch, url):
    """Whether the shared cache would answer ``url`` from a current entry."""
    monkeypatch.setattr(tags, "cache", shared)
    monkeypatch.setattr(responses, "cache", shared)
    request = RequestFactory(HTTP_HOST=f"127.0.0.1:{PORT}").get(url)
    with translation.override("en"):
        key = responses.response_key(request)
    responses.local_bodies.clear()
    responses.local_answers.clear()
    tags.known.clear()  # read every version from the shared cache
    response, _counter = responses.cached_answer(request, key, caching.JSON)
    monkeypatch.undo()
    return response


def rename(editor, ids):
    editor("publish", str(ids["changed"]), "Erzhan Elshibayev, freed")


def unpublish(editor, ids):
    editor("unpublish", str(ids["changed"]))


def restrict(editor, ids):
    editor("restrict", str(ids["changed"]))


@pytest.mark.parametrize(
    "change", [rename, unpublish, restrict], ids=lambda f: f.__name__
)
def test_no_worker_serves_the_old_answer_after_a_change(site, change, monkeypatch):
    ids, editor, shared = site
    status, detail = get(f"/api/v1/pages/{ids['changed']}/")
    assert status == 200
    path = json.loads(detail)["path"]
    urls = urls_showing(ids, path)
    unrelated = f"/api/v1/pages/{ids['unrelated']}/"
    for url in [*urls, unrelated]:
        seen = answers(url)
        assert all(status == 200 for status, _ in seen), (url, seen[0])
        assert all((OLD in body) == (url != unrelated) for _, body in seen), url
    before = is_cached_hit(shared, monkeypatch, unrelated)
    assert before is not None

    change(editor, ids)

    for url in urls:
        for _status, body in answers(url):
            if change is rename:
                assert "Erzhan Elshibayev, freed" in body, url
            else:
                assert OLD not in body, url
    if change is not rename:
        assert get(f"/api/v1/pages/{ids['changed']}/")[0] == 404
    # The unrelated case's answer was not made again: the same entry is current.
    after = is_cached_hit(shared, monkeypatch, unrelated)
    assert after is not None
    assert after["ETag"] == before["ETag"]
    assert f"page:{ids['unrelated']}" in after.cache_tags

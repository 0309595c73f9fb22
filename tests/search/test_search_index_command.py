"""Tier 2: ``manage.py search_index`` against the fake node."""

from io import StringIO

import pytest

from django.core.management import CommandError, call_command

from wagtail.models import Page

from search.documents import index_alias
from search.models import IndexingFailure
from tests.factories import CasePageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def run(*args):
    out, err = StringIO(), StringIO()
    # The system checks run first, as they do from the command line.
    call_command("search_index", *args, stdout=out, stderr=err, skip_checks=False)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def pages(home_page):
    return [
        CasePageFactory(title="Free Azimjan Askarov"),
        NewsPageFactory(title="Letter from prison"),
        CasePageFactory(title="Unpublished case", live=False),
    ]


def test_rebuild_loads_a_new_index_and_swaps_the_alias_in_one_call(fake_es, pages):
    alias = index_alias("en")
    fake_es.aliases[alias] = "old-index"
    fake_es.indices["old-index"] = {"999": {"title": "gone"}}

    out, err = run("--rebuild", "--locale", "en")

    created = fake_es.find("PUT", rf"/{alias}-\d+")
    assert len(created) == 1 and "aliases" not in created[0].body
    new_index = created[0].path.strip("/")
    loaded = [
        line["_id"]
        for request in fake_es.find("PUT", "/_bulk")
        for line in request.body
        if "index" in line and line["index"]["_index"] == new_index
        for line in [line["index"]]
    ]
    live = {
        str(pk)
        for pk in Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True)
    }
    assert set(loaded) == live  # home, sections, the two live pages
    assert str(pages[2].pk) not in loaded
    swap = fake_es.find("POST", "/_aliases")
    assert len(swap) == 1
    assert swap[0].body == {
        "actions": [
            {"remove": {"index": "old-index", "alias": alias}},
            {"add": {"index": new_index, "alias": alias}},
        ]
    }
    assert fake_es.find("DELETE", "/old-index")
    assert fake_es.aliases[alias] == new_index
    assert f"{len(live)} pages loaded" in out
    assert f"\ren [{'#' * 30}] {len(live)}/{len(live)}\n" in err


def test_rebuild_catches_up_pages_published_while_loading(fake_es, pages, monkeypatch):
    from search.backends.elasticsearch import rebuild

    late = CasePageFactory(title="Published during the rebuild", live=False)
    load = rebuild.Rebuilder.load

    def load_then_publish(self, index_name):
        loaded = load(self, index_name)
        late.save_revision().publish()  # autosync is off: only the catch-up sees it
        return loaded

    monkeypatch.setattr(rebuild.Rebuilder, "load", load_then_publish)
    out, _ = run("--rebuild", "--locale", "en")

    assert str(late.pk) in fake_es.documents(index_alias("en"))
    assert "1 caught up" in out


def test_dry_run_writes_nothing(fake_es, pages):
    out, _ = run("--rebuild", "--dry-run")
    assert fake_es.requests == []
    assert f"Would create {index_alias('en')}-<timestamp>, load 5 pages" in out


def test_check_reports_drift(fake_es, pages):
    alias = index_alias("en")
    fake_es.aliases[alias] = "idx"
    live = Page.objects.live().filter(depth__gt=1).values_list("pk", flat=True)
    fake_es.indices["idx"] = {str(pk): {} for pk in live}
    out, _ = run("--check", "--locale", "en")
    assert f"{alias}: database 5, index 5 (ok)" in out

    del fake_es.indices["idx"][str(pages[0].pk)]
    with pytest.raises(CommandError, match="out of step for: en"):
        run("--check", "--locale", "en")


def test_unknown_locale_is_refused(fake_es):
    with pytest.raises(CommandError, match="Unknown locale 'xx'"):
        run("--rebuild", "--locale", "xx")


def test_retry_failed_catches_up_after_an_outage(
    fake_es, autosync, pages, django_capture_on_commit_callbacks
):
    page = pages[0]
    fake_es.down = True
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert IndexingFailure.objects.count() == 1
    with pytest.raises(CommandError, match="1 page"):
        run("--retry-failed")

    fake_es.down = False
    out, _ = run("--retry-failed")
    assert f"sync cms.casepage.{page.pk}: indexed" in out
    assert IndexingFailure.objects.count() == 0
    assert fake_es.documents(index_alias("en"))[str(page.pk)]["title"] == page.title


def test_the_next_successful_publish_retries_earlier_failures(
    fake_es, autosync, pages, django_capture_on_commit_callbacks
):
    fake_es.down = True
    with django_capture_on_commit_callbacks(execute=True):
        pages[0].save_revision().publish()
    fake_es.down = False
    with django_capture_on_commit_callbacks(execute=True):
        pages[1].save_revision().publish()
    assert IndexingFailure.objects.count() == 0
    assert str(pages[0].pk) in fake_es.documents(index_alias("en"))

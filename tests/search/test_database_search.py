"""The embedded default: words found in four languages, kept in step like Elasticsearch.

Runs on SQLite and on PostgreSQL (DATABASE_URL): the same tests hold on both.
"""

import pytest

from django.core.management import call_command
from django.db import connection

from wagtail.models import Locale, PageViewRestriction

from search.backends.database import DatabaseBackend, StockDatabaseBackend
from search.backends.database.text import query_groups, spaced, terms
from search.models import PageText
from search.query import SearchQuery
from tests.factories import CaseIndexPageFactory, CasePageFactory

from .conftest import index_in_database

pytestmark = pytest.mark.django_db

TEXTS = {
    "en": "The courts sentenced him to life; prisoners of conscience are tortured.",
    "it": "Il giornalista è stato torturato e condannato dai tribunali.",
    "ru": "Суды приговорили журналиста; его пытали в тюрьме.",
    "zh-hant": "我們視他為良心犯:他被關押,只因為他的人權工作,被判終身監禁。",
}


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def publish(*pages):
        with django_capture_on_commit_callbacks(execute=True):
            for page in pages:
                page.save_revision().publish()
        return pages[0]

    return publish


@pytest.fixture
def pages(home_page, autosync, publish):
    """One case per language, its summary in that language, published."""
    source = CasePageFactory(title="Free Erzhan Elshibayev", summary=TEXTS["en"])
    found = {"en": source}
    for code in ("it", "ru", "zh-hant"):
        page = source.copy_for_translation(
            Locale.objects.create(language_code=code), copy_parents=True
        )
        page.summary = TEXTS[code]
        found[code] = page
    publish(*found.values())
    return found


def search(q, locale=None, backend=DatabaseBackend):
    answer = backend().search(SearchQuery(q=q, locale=locale).clean())
    return [hit["id"] for hit in answer["results"]]


def test_terms_stem_per_language_and_split_cjk_into_bigrams():
    assert terms("Prisoners tortured", "en") == ["prison", "tortur"]
    assert terms("torturati torturato", "it") == ["tortur", "tortur"]
    assert terms("суд суды судом", "ru") == ["суд", "суд", "суд"]
    assert terms("Askarov主持人權組織", "zh-hant") == [
        "askarov",
        *["主持", "持人", "人權", "權組", "組織"],
    ]
    assert query_groups("良心犯 Askarov", "zh-hant") == [["良心", "心犯"], ["askarov"]]
    assert spaced("是良心犯。").split() == ["是良", "良心", "心犯", "。"]


@pytest.mark.parametrize(
    ("code", "q"),
    [
        ("en", "court"),
        ("en", "prisoner of conscience"),
        ("en", "torture"),
        ("it", "torturati"),
        ("it", "tribunale"),
        ("ru", "суд"),
        ("ru", "журналисты тюрьма"),
        ("zh-hant", "良心犯"),
        ("zh-hant", "人權"),
        ("zh-hant", "終身監禁"),
    ],
)
def test_a_word_inside_the_text_is_found_in_its_language(pages, code, q):
    assert search(q, code) == [pages[code].pk]
    assert pages[code].pk in search(q)  # every locale, each by its own rules


@pytest.mark.parametrize(
    ("code", "q"), [("ru", "суд"), ("it", "torturati"), ("zh-hant", "良心犯")]
)
def test_wagtail_stock_database_search_misses_them(pages, code, q):
    """The figures in search/relevance compare with this: the stock search finds none."""
    assert search(q, code, StockDatabaseBackend) == []


def test_each_locale_is_analysed_by_its_own_rules(pages):
    stored = PageText.objects.get(page_id=pages["it"].pk)
    assert stored.language == "it"
    if connection.vendor == "sqlite":
        assert " tortur " in stored.body and " condann " in stored.body
    # English rules would keep "torturato" whole: the Italian page is found by
    # its Italian stem, and the English page is not found by the Italian word.
    assert search("torturato", "en") == []
    assert search("torturato") == [pages["it"].pk]


def test_all_words_must_match_and_the_title_ranks_first(pages, home_page, publish):
    titled = publish(
        CasePageFactory(title="Torture in Kyrgyz courts", summary="A report.")
    )
    assert search("torture courts", "en") == [titled.pk, pages["en"].pk]
    assert search("torture nowhere-to-be-found", "en") == []


def test_odd_queries_answer_without_error(pages):
    for q in ["%", "_", "\\", "'", '"', "--", "%%", "ñ", "😀", "()", "% _"]:
        assert search(q) == [], q  # a wildcard never matches every page
        assert search(q, "zh-hant") == [], q
    assert search("cour%", "en") == [] and search("court_", "en") == [pages["en"].pk]
    assert search("良", "zh-hant") == (
        [pages["zh-hant"].pk] if connection.vendor == "sqlite" else []
    )


def test_a_draft_never_changes_the_index(pages, django_capture_on_commit_callbacks):
    page = pages["en"]
    page.summary = "Secret draft words xqdraft"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision()
    assert search("xqdraft") == []
    assert search("courts", "en") == [page.pk]


def test_unpublish_restriction_and_delete_remove_the_page(
    pages, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        pages["en"].unpublish()
    assert search("courts", "en") == []
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=pages["it"], restriction_type=PageViewRestriction.LOGIN
        )
    assert search("torturati", "it") == []
    assert not PageText.objects.filter(page_id=pages["it"].pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        pages["ru"].delete()
    assert not PageText.objects.filter(page_id=pages["ru"].pk).exists()
    assert search("良心犯", "zh-hant") == [pages["zh-hant"].pk]


def test_nothing_is_written_before_the_commit(home_page, autosync):
    page = CasePageFactory(title="Uncommitted", summary="xquncommitted")
    page.save_revision().publish()  # the test's transaction never commits
    assert not PageText.objects.filter(page_id=page.pk).exists()


def test_a_page_moved_under_a_private_section_leaves_the_index(
    pages, django_capture_on_commit_callbacks
):
    private = CaseIndexPageFactory(
        parent=pages["en"].get_parent().get_parent(), slug="private-cases"
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    with django_capture_on_commit_callbacks(execute=True):
        pages["en"].move(private, pos="last-child")
    assert search("courts", "en") == []


def test_rebuild_fills_the_index_with_a_progress_bar_and_check_sees_drift(
    pages, capsys
):
    PageText.objects.all().delete()
    with pytest.raises(Exception, match="Index out of step"):
        call_command("search_index", "--check")
    call_command("search_index", "--rebuild")
    out, err = capsys.readouterr()
    assert "embedded index it: 3 pages loaded" in out
    assert "\rit [##############################] 3/3" in err
    assert search("суд", "ru") == [pages["ru"].pk]
    call_command("search_index", "--check")
    assert "embedded index en: database 3, index 3 (ok)" in capsys.readouterr().out


def test_rebuild_leaves_out_drafts_and_private_pages(home_page):
    public = CasePageFactory(summary="xqpublic words")
    CasePageFactory(summary="xqdraft words", live=False)
    private = CasePageFactory(summary="xqprivate words")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    index_in_database()
    assert set(PageText.objects.values_list("page_id", flat=True)) >= {public.pk}
    assert search("xqpublic") == [public.pk]
    assert search("xqdraft") == [] and search("xqprivate") == []


def test_dry_run_writes_nothing(pages, capsys):
    PageText.objects.all().delete()
    call_command("search_index", "--rebuild", "--dry-run", "--locale", "ru")
    assert "Would replace the embedded index of ru with 3 pages" in (
        capsys.readouterr().out
    )
    assert not PageText.objects.exists()

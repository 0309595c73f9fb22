"""Tier 2: one index per locale, analysed for its language; ICU when the cluster has it."""

import pytest

from wagtail.models import Locale

from search.documents import index_alias
from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def translations(home_page):
    """The same case in Italian, Russian and Traditional Chinese, published."""
    source = CasePageFactory(title="Free Erzhan Elshibayev")
    pages = {}
    for code, title in [
        ("it", "Libertà per Erzhan"),
        ("ru", "Свободу Ержану"),
        ("zh-hant", "釋放葉爾然"),
    ]:
        locale = Locale.objects.create(language_code=code)
        page = source.copy_for_translation(locale, copy_parents=True)
        page.title = title
        pages[code] = page
    return pages


@pytest.fixture
def publish_all(django_capture_on_commit_callbacks):
    def publish_all(pages):
        with django_capture_on_commit_callbacks(execute=True):
            for page in pages:
                page.save_revision().publish()

    return publish_all


@pytest.mark.parametrize(
    ("code", "analyzer"), [("it", "italian"), ("ru", "russian"), ("zh-hant", "cjk")]
)
def test_each_translation_goes_to_its_locale_index(
    fake_es, autosync, translations, publish_all, code, analyzer
):
    publish_all(translations.values())

    alias = index_alias(code)
    created = fake_es.find("PUT", rf"/{alias}-\d+")[0]
    assert created.body["mappings"]["properties"]["title"]["analyzer"] == analyzer
    page = translations[code]
    assert fake_es.documents(alias)[str(page.pk)]["title"] == page.title
    assert fake_es.documents(alias)[str(page.pk)]["url"].startswith(f"/{code}/")
    assert str(page.pk) not in fake_es.documents(index_alias("en"))


def test_chinese_gets_icu_when_every_node_has_the_plugin(
    fake_es, autosync, translations, publish_all
):
    fake_es.plugins = [{"name": "analysis-icu", "version": "8.19.3"}]
    publish_all(translations.values())

    zh = fake_es.find("PUT", rf"/{index_alias('zh-hant')}-\d+")[0]
    assert zh.body["mappings"]["properties"]["title"]["analyzer"] == "icu_analyzer"
    it = fake_es.find("PUT", rf"/{index_alias('it')}-\d+")[0]
    assert it.body["mappings"]["properties"]["title"]["analyzer"] == "italian"
    # Asked once, then cached for the process.
    assert len(fake_es.find("GET", "/_nodes/plugins")) == 1


def test_icu_can_be_switched_off(
    fake_es, autosync, translations, publish_all, settings
):
    settings.SEARCH = {**settings.SEARCH, "ICU": False}
    fake_es.plugins = [{"name": "analysis-icu", "version": "8.19.3"}]
    publish_all([translations["zh-hant"]])
    zh = fake_es.find("PUT", rf"/{index_alias('zh-hant')}-\d+")[0]
    assert zh.body["mappings"]["properties"]["title"]["analyzer"] == "cjk"
    assert fake_es.find("GET", "/_nodes/plugins") == []

"""Tier 1: mappings, analysis settings and documents as JSON. No cluster, no client."""

import json

import pytest

from cms.models import CasePage
from search.documents import (
    build_document,
    concrete_index,
    document_source,
    index_alias,
)
from tests.factories import CasePageFactory, CountryPageFactory, NewsPageFactory


def index_body(language_code, icu=False):
    body = concrete_index(language_code, f"x-{language_code}", icu=icu).to_dict()
    return json.loads(json.dumps(body))  # what goes over the wire


@pytest.mark.parametrize(
    ("language_code", "analyzer"),
    [("en", "english"), ("it", "italian"), ("ru", "russian"), ("zh-hant", "cjk")],
)
def test_each_locale_is_analysed_for_its_language(language_code, analyzer):
    properties = index_body(language_code)["mappings"]["properties"]
    assert properties["title"] == {
        "type": "text",
        "analyzer": analyzer,
        "fields": {"raw": {"type": "keyword"}},
    }
    assert properties["summary"]["analyzer"] == analyzer
    assert properties["body"] == {"type": "text", "analyzer": analyzer}


def test_chinese_uses_icu_when_the_cluster_has_it_and_others_keep_their_analyzer():
    assert (
        index_body("zh-hant", icu=True)["mappings"]["properties"]["title"]["analyzer"]
        == "icu_analyzer"
    )
    assert (
        index_body("en", icu=True)["mappings"]["properties"]["title"]["analyzer"]
        == "english"
    )


def test_suggest_field_is_search_as_you_type_with_a_folding_analyzer():
    body = index_body("ru")
    assert body["mappings"]["properties"]["suggest"] == {
        "type": "search_as_you_type",
        "analyzer": "suggest_folding",
    }
    assert body["settings"]["analysis"]["analyzer"]["suggest_folding"] == {
        "type": "custom",
        "tokenizer": "standard",
        "filter": ["lowercase", "asciifolding"],
    }
    icu = index_body("zh-hant", icu=True)["settings"]["analysis"]["analyzer"]
    assert icu["suggest_folding"]["tokenizer"] == "icu_tokenizer"


def test_declared_fields_become_typed_mappings():
    properties = index_body("en")["mappings"]["properties"]
    assert properties["status"] == {"type": "keyword"}  # FilterField on a CharField
    assert properties["published_at"] == {
        "type": "date"
    }  # FilterField on a DateTimeField
    assert properties["country"] == {"type": "long"}  # FilterField on a foreign key
    assert properties["tags"] == {  # RelatedFields
        "type": "object",
        "properties": {"name": {"type": "text", "analyzer": "english"}},
    }
    assert properties["facets"]["properties"] == {
        "type": {"type": "keyword"},
        "country": {"type": "keyword"},
        "status": {"type": "keyword"},
        "tag": {"type": "keyword"},
    }
    # Page's admin-only filters (owner, path, locked...) stay out of the index.
    assert not {"owner", "path", "locked", "live"} & set(properties)


def test_alias_follows_the_prefix(settings):
    settings.SEARCH = {**settings.SEARCH, "INDEX_PREFIX": "site"}
    assert index_alias("zh-Hant") == "site-pages-zh-hant"


@pytest.mark.django_db
def test_case_page_document(home_page):
    country = CountryPageFactory(title="Kyrgyzstan", iso_code="KG")
    page = CasePageFactory(
        title="Free Azimjan Askarov",
        person_name="Azimjan Askarov",
        country=country,
        charges=[("charge", "Creating mass disorder")],
        body=[("heading", {"text": "Life sentence", "level": "h2"})],
    )
    page.tags.add("journalist")
    page.save()
    page = CasePage.objects.get(pk=page.pk)

    action = build_document(page).to_dict(include_meta=True)

    assert action["_index"] == index_alias("en")
    assert action["_id"] == str(page.pk)
    source = action["_source"]
    assert source["page_id"] == page.pk
    assert source["type"] == "cms.CasePage"
    assert source["locale"] == "en"
    assert source["url"] == f"/en/cases/{page.slug}/"
    assert source["suggest"] == ["Free Azimjan Askarov", "Azimjan Askarov"]
    assert source["facets"] == {
        "type": "cms.CasePage",
        "country": ["KG"],
        "status": ["imprisoned"],
        "tag": ["journalist"],
    }
    assert source["charges"] == "Creating mass disorder"
    assert "Life sentence" in source["body"]
    assert source["tags"] == [{"name": "journalist"}]
    assert source["country"] == country.pk


@pytest.mark.django_db
def test_bulk_source_is_what_the_dsl_document_serialises(home_page):
    country = CountryPageFactory(title="Kyrgyzstan", iso_code="KG")
    case = CasePageFactory(
        country=country, body=[("heading", {"text": "Life", "level": "h2"})]
    )
    case.tags.add("journalist")
    case.save()
    news = NewsPageFactory(author="")  # empty values are left out by both
    news.countries.add(country)
    news.save()
    for page in (case, news, country, home_page):
        page = page.specific_class.objects.get(pk=page.pk)
        assert document_source(page) == build_document(page).to_dict()


@pytest.mark.django_db
def test_blocks_index_only_the_children_they_declare_searchable(home_page):
    from caseblocks.blocks import ActionFormBlock, AppealAddressBlock
    from tests.factories.blocks import (
        action_form_data,
        appeal_address_data,
        with_target_records,
    )

    appeal = AppealAddressBlock().to_python(
        appeal_address_data(fax="+996312625012", email="office@akorda.kz")
    )
    action = ActionFormBlock().normalize(
        with_target_records(action_form_data(consent_text="I agree to be e-mailed."))
    )
    case = CasePageFactory(
        body=[
            ("appeal_address", appeal),
            ("action_form", action),
            ("quote", {"text": "Free him", "speaker": "His wife"}),
        ]
    )
    body = document_source(CasePage.objects.get(pk=case.pk))["body"]

    assert "Almazbek Atambaev" in body and "Release Azimjan Askarov" in body
    assert "Free Erzhan Elshibayev" in body and "His wife" in body
    # Wagtail's own reading of the same stream holds every text child.
    every_child = " ".join(case.body.stream_block.get_searchable_content(case.body))
    for unsearched in ("+996312625012", "Bishkek 720003", "I agree to be e-mailed"):
        assert unsearched in every_child
        assert unsearched not in body

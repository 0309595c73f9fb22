"""Everything an editor can enter in a page type's panels reaches the delivery API.

Walks every page type's edit handler (all tabs), the blocks of every StreamField
it shows and the snippets its fields point at: each editable field or block child
must be a property of the OpenAPI schema that types it, unless the page type
declares it admin-only with a reason (``TeaserMixin.api_admin_only``).
"""

import pytest

from django.core.exceptions import FieldDoesNotExist

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models

from cms.api.fields import api_fields
from cms.api.pagetypes import page_types
from cms.api.schemas.blocks import block_schema
from cms.api.schemas.pages import detail_schema

PAGE_TYPES = sorted(page_types())


def panel_fields(model):
    return model.get_edit_handler().get_form_options()["fields"]


def model_field(model, name):
    """The model field behind a form field, or None (a form-only field)."""
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def schema_names(schema):
    fields = getattr(schema, "model_fields", None)
    return set(fields) if fields is not None else None


def missing_block_children(block, path):
    """``path.child`` for each block child its API schema does not carry."""
    missing = []
    if isinstance(block, blocks.StructBlock):
        names = schema_names(block_schema(block))
        renamed = getattr(block, "api_renamed_children", {})
        for name, child in block.child_blocks.items():
            if names is not None and renamed.get(name, name) not in names:
                missing.append(f"{path}.{name}")
            missing += missing_block_children(child, f"{path}.{name}")
    elif isinstance(block, blocks.StreamBlock):
        for name, child in block.child_blocks.items():
            missing += missing_block_children(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        missing += missing_block_children(block.child_block, f"{path}[]")
    return missing


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_panel_field_is_in_the_detail_schema(name):
    page_type = page_types()[name]
    model = page_type.model
    properties = schema_names(detail_schema(page_type))
    admin_only = model.api_admin_only
    missing = [
        field
        for field in panel_fields(model)
        if field not in properties and field not in admin_only
    ]
    assert missing == [], f"{name}: in the admin, not in the API: {missing}"
    assert all(reason.strip() for reason in admin_only.values())


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_admin_only_fields_are_not_in_the_api_either(name):
    model = page_types()[name].model
    declared = set(model.api_admin_only) & set(panel_fields(model))
    assert declared, "the declaration names panel fields"
    assert not declared & set(api_fields(model))


@pytest.mark.parametrize("name", PAGE_TYPES)
def test_every_block_child_in_the_panels_is_in_its_block_schema(name):
    model = page_types()[name].model
    missing = []
    for field_name in panel_fields(model):
        field = model_field(model, field_name)
        if isinstance(field, StreamField):
            missing += missing_block_children(field.stream_block, field_name)
    assert missing == [], f"{name}: block children not in the API: {missing}"


def snippets_shown():
    """(page type, field, snippet model) for each panel field pointing at a snippet."""
    snippets = set(get_snippet_models())
    found = []
    for name in PAGE_TYPES:
        model = page_types()[name].model
        for field_name in panel_fields(model):
            field = model_field(model, field_name)
            related = field.related_model if field and field.is_relation else None
            if related in snippets and not issubclass(related, Page):
                found.append((name, field_name, related))
    return found


def test_pages_show_snippets():
    assert ("case", "partners") in {(n, f) for n, f, _ in snippets_shown()}


@pytest.mark.parametrize(("name", "field_name", "snippet"), snippets_shown())
def test_every_field_of_a_snippet_shown_is_in_its_schema(name, field_name, snippet):
    reader = api_fields(page_types()[name].model)[field_name]
    schema = reader.schema.__args__[0]  # list[...] or ... | None
    properties = schema_names(schema)
    missing = [
        field
        for field in snippet.get_edit_handler().get_form_options()["fields"]
        if field not in properties
    ]
    assert missing == [], f"{snippet.__name__}: not in the API: {missing}"


@pytest.mark.django_db
def test_a_case_answers_its_partners_and_a_news_post_all_it_names(client, image):
    from cms.models import PartnerOrganisation
    from tests.factories import CasePageFactory, CountryPageFactory, NewsPageFactory

    partner = PartnerOrganisation.objects.create(
        name="Bir Duino", url="https://birduino.example.org/", logo=image
    )
    case = CasePageFactory(title="Azimjan Askarov")
    case.partners.set([partner])
    case.save_revision().publish()
    other = CasePageFactory(title="Erkin Musaev")
    kg = CountryPageFactory(title="Kyrgyzstan", iso_code="KG", slug="kyrgyzstan")
    uz = CountryPageFactory(title="Uzbekistan", iso_code="UZ", slug="uzbekistan")
    news = NewsPageFactory()
    news.countries.set([kg, uz])
    news.related_cases.set([case, other])
    news.save_revision().publish()

    detail = client.get(f"/api/v1/pages/{case.pk}/").json()
    assert detail["partners"] == [
        {
            "name": "Bir Duino",
            "url": "https://birduino.example.org/",
            "logo": detail["partners"][0]["logo"] | {"id": image.pk},
        }
    ]
    # API v2 serves the new fields too.
    v2 = client.get(f"/api/v2/pages/{case.pk}/")
    assert v2.status_code == 200, v2.content
    assert len(v2.json()["partners"]) == 1
    news_detail = client.get(f"/api/v1/pages/{news.pk}/").json()
    assert [c["iso"] for c in news_detail["countries"]] == ["KG", "UZ"]
    assert [c["id"] for c in news_detail["related_cases"]] == [case.pk, other.pk]
    teaser = client.get("/api/v1/pages/?type=news").json()["items"][0]
    assert [c["iso"] for c in teaser["countries"]] == ["KG", "UZ"]

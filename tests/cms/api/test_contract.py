"""The typed contract: block schemas match the blocks, and the OpenAPI has no Any."""

import pytest
from pydantic import TypeAdapter

from cms.api.schemas.blocks import block_schema, stream_schema
from cms.api.schemas.pages import PageListing, page_detail_schema
from cms.blocks import CaseStreamBlock, CountryStreamBlock, NewsStreamBlock
from tests.factories.blocks import PRESS_OFFICE, target_ids

STREAMS = [CaseStreamBlock(), NewsStreamBlock(), CountryStreamBlock()]
CHILDREN = {name: child for s in STREAMS for name, child in s.child_blocks.items()}


def example_value(name, block, image):
    if name == "image":
        return block.to_python(
            {
                "image": image.pk,
                "alt_text": "",
                "decorative": True,
                "caption": "",
                "credit": "Family",
            }
        )
    if name == "embed":
        return block.to_python(
            {"embed": "https://www.youtube.com/watch?v=abc", "caption": ""}
        )
    # Stored values have been cleaned (an action form gets its identifier then).
    preview = block.meta.preview_value
    if name == "action_form":  # targets are records, which a preview cannot name
        from caseblocks.models import ActionTarget

        targets = ActionTarget.objects.filter(pk__in=target_ids(PRESS_OFFICE))
        preview = {**preview, "targets": list(targets)}
    preview = block.normalize(preview)
    return block.clean(block.to_python(block.get_prep_value(preview)))


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(CHILDREN))
def test_block_representation_matches_its_schema(name, image):
    block = CHILDREN[name]
    value = example_value(name, block, image)
    representation = block.get_api_representation(value)
    TypeAdapter(block_schema(block)).validate_python(representation)


def test_schema_rejects_a_key_the_block_does_not_send():
    quote = CHILDREN["quote"]
    representation = quote.get_api_representation(example_value("quote", quote, None))
    with pytest.raises(ValueError, match="extra"):
        TypeAdapter(block_schema(quote)).validate_python({**representation, "x": 1})


def test_stream_schema_is_discriminated_on_type():
    schema = TypeAdapter(stream_schema(CaseStreamBlock())).json_schema()
    items = schema["items"]
    assert items["discriminator"]["propertyName"] == "type"
    assert len(items["oneOf"]) == len(CaseStreamBlock().child_blocks)


def walk(node, path=()):
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from walk(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, (*path, index))


def test_openapi_types_every_body_and_has_no_any(client, db):
    document = client.get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    for model in ("CasePageDetail", "NewsPageDetail", "CountryPageDetail"):
        body = schemas[model]["properties"]["body"]
        assert body["items"]["discriminator"]["propertyName"] == "type", model
    # An untyped value shows up as an empty schema: none may appear.
    for path, node in walk(schemas):
        if (
            path
            and path[-1] in {"items", "additionalProperties"}
            or (len(path) >= 2 and path[-2] == "properties")
        ):
            assert node, f"untyped schema at {'/'.join(map(str, path))}"
    quote = schemas["QuoteBlock"]["properties"]
    assert quote["type"]["const"] == "quote"


@pytest.mark.django_db
def test_responses_validate_against_the_published_schemas(client, case_page, news_page):
    listing = client.get("/api/v1/pages/").json()
    PageListing.model_validate(listing)
    adapter = TypeAdapter(page_detail_schema())
    for item in listing["items"]:
        adapter.validate_python(client.get(f"/api/v1/pages/{item['id']}/").json())


@pytest.mark.django_db
def test_api_v2_and_v1_give_the_same_blocks(client, case_page):
    v1 = client.get(f"/api/v1/pages/{case_page.pk}/").json()["body"]
    v2 = client.get(f"/api/v2/pages/{case_page.pk}/").json()["body"]
    assert v1 == v2
    assert {block["type"] for block in v1} >= {"quote", "image", "rich_text"}


@pytest.mark.django_db
def test_rich_text_links_point_at_front_end_paths(client, case_page, country):
    body = client.get(f"/api/v1/pages/{case_page.pk}/").json()["body"]
    text = next(block["value"] for block in body if block["type"] == "rich_text")
    assert '<a href="/en/countries/kazakhstan/">' in text
    assert "linktype" not in text


@pytest.mark.django_db
def test_docs_are_served(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert b"/api/v1/openapi.json" in response.content

"""One declaration per shape: the pydantic schema, from which the JSON is made."""

import inspect

import pytest

from caseblocks import api as actions_api
from caseblocks.actions.schemas import ClosedOut, SubmissionIn
from caseblocks.blocks import AppealAddressBlock, QuoteBlock, base
from caseblocks.blocks.schemas import APIValue
from cms.api.errors import Errors, errors_json
from cms.api.refs import CountryRef, PageRef
from cms.api.schemas import pages
from cms.api.schemas.blocks import stream_item_schema
from cms.blocks import CaseStreamBlock
from tests.factories.blocks import appeal_address_data


def block_classes():
    stream = CaseStreamBlock()
    found = set()
    pending = list(stream.child_blocks.values())
    while pending:
        block = pending.pop()
        found.add(type(block))
        pending.extend(getattr(block, "child_blocks", {}).values())
        if hasattr(block, "child_block"):
            pending.append(block.child_block)
    return {cls for cls in found if cls.__module__.startswith("caseblocks.")}


@pytest.mark.parametrize("block_class", sorted(block_classes(), key=str))
def test_no_block_writes_its_json_beside_its_schema(block_class):
    # The representation comes from APIBlockMixin, i.e. from ``api_schema``.
    assert "get_api_representation" not in vars(block_class)
    assert block_class.api_schema is not None


class ShortQuote(APIValue):
    text: str
    speaker: str


class ShortQuoteBlock(QuoteBlock):
    api_schema = ShortQuote


def test_the_json_is_what_the_schema_declares():
    value = QuoteBlock().to_python({"text": "Free him", "speaker": "His wife"})
    assert ShortQuoteBlock().get_api_representation(value) == {
        "text": "Free him",
        "speaker": "His wife",
    }


def test_conversions_are_declared_on_the_schema():
    block = AppealAddressBlock()
    value = block.to_python(appeal_address_data(fax="", email=""))
    representation = block.get_api_representation(value)
    assert (representation["fax"], representation["email"]) == (None, None)
    quote = QuoteBlock().to_python(
        {"text": "x", "speaker": "y", "source_url": "javascript:alert(1)"}
    )
    assert QuoteBlock().get_api_representation(quote)["source_url"] is None


def test_a_text_child_stored_before_it_existed_reads_as_empty_text():
    value = QuoteBlock().to_python({"text": "Free him", "speaker": "His wife"})
    value["source"] = None
    assert QuoteBlock().get_api_representation(value)["source"] == ""


def test_one_strict_base_for_block_shapes():
    item = stream_item_schema("quote", CaseStreamBlock().child_blocks["quote"])
    assert issubclass(item, APIValue)
    assert item.model_config["extra"] == "forbid"


def test_references_have_one_declaration():
    assert pages.CountryRef is CountryRef
    assert pages.PageRef is PageRef


def test_one_error_envelope():
    assert pages.Errors is Errors
    assert issubclass(ClosedOut, Errors)
    body = errors_json(("name", "This field is required."))
    assert Errors.model_validate(body).errors[0].field == "name"


def test_the_openapi_document_has_one_error_envelope(client):
    document = client.get("/api/v1/openapi.json").json()
    assert "ErrorsOut" not in document["components"]["schemas"]
    operation = document["paths"]["/api/v1/actions/{action_id}/submissions"]["post"]
    schema = operation["responses"]["400"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Errors"}
    body = operation["requestBody"]["content"]["application/json"]["schema"]
    assert body == SubmissionIn.model_json_schema()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("consent", 1),
        ("newsletter", 0),
        ("name", ["Anna"]),
        ("name", "Anna\u2028Rossi"),
        ("country", "XX"),
        ("email", "\u212arl@example.org"),
    ],
)
def test_the_documented_schema_holds_the_strict_rules(field, value):
    payload = {
        "name": "Anna",
        "email": "anna@example.org",
        "country": "KZ",
        "consent": True,
        field: value,
    }
    data, problems = SubmissionIn.validate_submission(payload)
    assert data is None
    assert [name for name, _message in problems] == [field]


def test_routes_are_plain_functions():
    router = actions_api.build_router()
    views = [
        operation.view_func
        for path_view in router.path_operations.values()
        for operation in path_view.operations
    ]
    assert len(views) == 3
    for view in views:
        assert "<locals>" not in view.__qualname__
        assert inspect.getmodule(view) is actions_api
        assert getattr(actions_api, view.__name__) is view


def test_api_json_caches_one_adapter_per_schema():
    base.api_json(ShortQuote, {"text": "a", "speaker": "b"})
    base.api_json(ShortQuote, {"text": "c", "speaker": "d"})
    assert sum(entry[0] is ShortQuote for entry in base._adapters.values()) == 1

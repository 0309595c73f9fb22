"""Typed API schemas for blocks, built from the block definitions.

A block declares the pydantic type of its API value in ``api_schema``. Containers
are derived: a StreamBlock is a list of a union discriminated on ``type``, a
ListBlock a list of its child's type, a StructBlock without ``api_schema`` a model
of its children. Wagtail's plain field blocks map to Python types here. A block
with none of these raises ImproperlyConfigured: an untyped ``Any`` never reaches
the OpenAPI document.
"""

import datetime
import decimal
from typing import Annotated, Literal, Union

from pydantic import Field, create_model

from django.core.exceptions import ImproperlyConfigured

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from caseblocks.blocks.schemas import APIValue

# Order matters: subclasses before their bases.
FIELD_BLOCK_TYPES = [
    (blocks.BooleanBlock, bool),
    (blocks.IntegerBlock, int),
    (blocks.FloatBlock, float),
    (blocks.DecimalBlock, decimal.Decimal),
    (blocks.DateTimeBlock, datetime.datetime),
    (blocks.DateBlock, datetime.date),
    (blocks.TimeBlock, datetime.time),
    (blocks.PageChooserBlock, int),
    (ImageChooserBlock, int),
    (DocumentChooserBlock, int),
    (blocks.RichTextBlock, str),
    (blocks.FieldBlock, str),
]


def pascal(name):
    return "".join(part.capitalize() for part in name.split("_"))


def block_schema(block):
    """The pydantic type of ``block.get_api_representation(value)``."""
    declared = getattr(block, "api_schema", None)
    if declared is not None:
        return declared
    if isinstance(block, blocks.StreamBlock):
        return stream_schema(block)
    if isinstance(block, blocks.ListBlock):
        return list[block_schema(block.child_block)]
    if isinstance(block, blocks.StructBlock):
        return struct_schema(block)
    for block_class, python_type in FIELD_BLOCK_TYPES:
        if isinstance(block, block_class):
            if isinstance(block, blocks.ChoiceBlock):
                python_type = Literal[tuple(str(key) for key, _ in block.field.choices)]
            required = getattr(block, "required", True)
            return python_type if required else python_type | None
    raise ImproperlyConfigured(
        f"{type(block).__name__} has no API schema: give it an 'api_schema'."
    )


_struct_models = {}


def struct_schema(block):
    """A model of a StructBlock's children, for structs that declare no schema."""
    name = block.name or type(block).__name__
    key = (name, type(block))
    if key not in _struct_models:
        fields = {
            child_name: (block_schema(child), ...)
            for child_name, child in block.child_blocks.items()
        }
        _struct_models[key] = create_model(
            f"{pascal(name)}Value", __base__=APIValue, **fields
        )
    return _struct_models[key]


_item_models = {}


def stream_item_schema(name, block):
    """``{type: Literal[name], id: str, value: ...}`` for one child of a stream.

    The same block under the same name shares one model across streams, so the
    OpenAPI document names it once.
    """
    key = (name, type(block))
    if key not in _item_models:
        model_name = f"{pascal(name)}Block"
        if any(model.__name__ == model_name for model in _item_models.values()):
            model_name = f"{pascal(name)}{type(block).__name__}"
        _item_models[key] = create_model(
            model_name,
            __base__=APIValue,
            type=(Literal[name], ...),
            id=(str, ...),
            value=(block_schema(block), ...),
        )
    return _item_models[key]


def stream_schema(stream_block):
    """A list of the stream's children, discriminated on ``type``."""
    members = tuple(
        stream_item_schema(name, child)
        for name, child in stream_block.child_blocks.items()
    )
    if len(members) == 1:
        return list[members[0]]
    return list[Annotated[Union[members], Field(discriminator="type")]]  # noqa: UP007

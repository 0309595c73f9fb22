"""Shared pieces for the case blocks: validators and value helpers."""

import re

from pydantic import TypeAdapter

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

# ITU-T E.164: a plus, a country code that does not start with 0, at most 15 digits.
# Editors paste numbers with spaces, dots, dashes and brackets; those are ignored.
FAX_SEPARATORS = re.compile(r"[\s().-]")
E164 = re.compile(r"^\+[1-9]\d{6,14}$")
# The block picker's preview: the block's own template in a page with the stylesheet.
PREVIEW_TEMPLATE = "caseblocks/block_preview.html"


def normalise_fax(value):
    """Return ``value`` in E.164 form, or raise ValidationError with an editor's message."""
    compact = FAX_SEPARATORS.sub("", value or "")
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if not E164.match(compact):
        raise ValidationError(
            _(
                "Enter the fax number in international format, starting with + and "
                "the country code, for example +996 312 625012."
            ),
            code="invalid_fax",
        )
    return compact


def raise_for_children(errors):
    """Raise a StructBlockValidationError if ``errors`` (child name → message) has any."""
    if errors:
        raise StructBlockValidationError(
            block_errors={
                name: ValidationError(message) for name, message in errors.items()
            }
        )


_adapters = {}


def api_json(schema, data):
    """``data`` validated into ``schema`` (a model or any pydantic type), as JSON.

    The one way a block's or a reference's JSON is made: from its declared shape.
    """
    # Keyed by identity: some types (Annotated with a JSON schema) are unhashable.
    adapter = _adapters.get(id(schema))
    if adapter is None:
        adapter = _adapters[id(schema)] = (schema, TypeAdapter(schema))
    adapter = adapter[1]
    return adapter.dump_python(adapter.validate_python(data), mode="json")


class APIBlockMixin:
    """Make a block's API representation from its one declaration, ``api_schema``.

    ``api_schema`` is a pydantic model (or type) of the JSON; the OpenAPI document
    is built from it too (``cms.api.schemas.blocks``). Override ``api_value`` to
    map the block's value to the schema's fields where they differ; by default
    each field of the schema is read from the child of the same name.
    """

    api_schema = None

    def api_value(self, value, context=None):
        return {name: value[name] for name in self.api_schema.model_fields}

    def get_api_representation(self, value, context=None):
        if self.api_schema is None:  # a container whose parent declares the shape
            return super().get_api_representation(value, context)
        return api_json(self.api_schema, self.api_value(value, context))


class TranslatableChildrenMixin:
    """Say which children of a StructBlock translators get; the rest stay as written.

    Set ``translatable_children`` to the names of the children to translate. The
    other children are never shown to translators, never exported to PO files or
    machine translation, and follow the source page whenever it is synchronised.

    This implements wagtail-localize's block hooks (``get_translatable_segments`` /
    ``restore_translated_segments``), which win over its default of translating
    every text child. wagtail-localize is imported only when it calls the hooks, so
    the blocks work without it installed.
    """

    translatable_children = ()

    def get_translatable_segments(self, value):
        from wagtail_localize.segments.extract import StreamFieldSegmentExtractor

        extractor = StreamFieldSegmentExtractor(field=None)
        segments = []
        for name in self.translatable_children:
            child_block = self.child_blocks[name]
            child_value = value.get(name)
            if child_value is None:
                continue
            # A ListBlock is only walked when given its stored form, with item ids.
            raw_value = child_block.get_prep_value(child_value)
            segments.extend(
                segment.wrap(name)
                for segment in extractor.handle_block(
                    child_block, child_value, raw_value=raw_value
                )
            )
        return segments

    def restore_translated_segments(self, value, segments):
        from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter

        # Locales are only needed for choosers, which are never translatable children.
        writer = StreamFieldSegmentsWriter(field=None, src_locale=None, tgt_locale=None)
        by_child = {}
        for segment in segments:
            name, child_segment = segment.unwrap()
            by_child.setdefault(name, []).append(child_segment)
        for name, child_segments in by_child.items():
            if name in self.translatable_children:
                value[name] = writer.handle_block(
                    self.child_blocks[name], value[name], child_segments
                )
        return value


class CaseStructBlock(TranslatableChildrenMixin, APIBlockMixin, blocks.StructBlock):
    """A StructBlock that declares, beside its children, what each is for.

    - ``api_schema``: the shape of its JSON (``APIBlockMixin``);
    - ``translatable_children``: the children translators get
      (``TranslatableChildrenMixin``);
    - ``searchable_children``: the children whose text a search index holds. The
      search plugin reads it; None (the default) indexes every text child, as
      Wagtail does. A list child's own block says which of its children count.
    """

    searchable_children = None

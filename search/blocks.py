"""The text of a StreamField that a document holds, as each block declares it.

A block names the children whose text is searched in ``searchable_children``,
beside its ``translatable_children`` (``caseblocks.blocks.base.CaseStructBlock``):
a recipient's fax, an e-mail address or the consent wording of an action are
never words to find a page by. A block that declares nothing is read as Wagtail
reads it, every text child.
"""

from wagtail import blocks


def block_text(block, value):
    """The searchable strings of ``value``, a value of ``block``."""
    if value is None:
        return []
    if isinstance(block, blocks.StreamBlock):
        return [
            text for child in value for text in block_text(child.block, child.value)
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in block_text(block.child_block, item)]
    if isinstance(block, blocks.StructBlock):
        names = getattr(block, "searchable_children", None)
        if names is None:
            names = block.child_blocks
        return [
            text
            for name in names
            for text in block_text(block.child_blocks[name], value.get(name))
        ]
    return block.get_searchable_content(value)


def stream_text_getter(stream_field):
    """A getter of a StreamField's searchable strings, for ``values.value_getter``."""
    read, stream_block = stream_field.value_from_object, stream_field.stream_block
    return lambda obj: block_text(stream_block, read(obj))

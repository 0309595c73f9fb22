"""Every label, help text, choice and heading of Casebook's own, found from the code.

The page models' fields and panels, the snippets' fields and panels and every block
reachable from a StreamField are walked, so a string added tomorrow is checked
without anyone listing it here.
"""

from django.utils.choices import CallableChoiceIterator
from django.utils.functional import Promise

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import get_page_models
from wagtail.snippets.models import get_snippet_models

CASEBOOK_APPS = {"cms", "caseblocks", "search", "casebook_translation"}


def casebook_models():
    models = {*get_page_models(), *get_snippet_models()}
    return sorted(
        (m for m in models if m._meta.app_label in CASEBOOK_APPS),
        key=lambda m: m._meta.label,
    )


def interface_strings():
    """Yield ``(where, value)``: ``value`` must be a lazy translation (a Promise).

    A choice list made per request by a callable (country and language names from
    their own catalogues) is yielded as the callable's result under ``where`` ending
    in ``choices()``; the tests check those separately.
    """
    for model in casebook_models():
        name = model.__name__
        yield f"{name}.verbose_name", model._meta.verbose_name
        # Unset, Django adds an untranslatable "s" to the singular.
        yield (
            f"{name}.verbose_name_plural",
            model._meta.original_attrs.get("verbose_name_plural"),
        )
        for field in model._meta.get_fields():
            if not field.concrete or field.auto_created:
                continue
            if field.model._meta.app_label not in CASEBOOK_APPS:
                continue  # Wagtail's own fields of Page
            where = f"{name}.{field.name}"
            yield f"{where}.verbose_name", field.verbose_name
            if field.help_text:
                yield f"{where}.help_text", field.help_text
            yield from field_choices(where, field)
            if isinstance(field, StreamField):
                for child_name, child in field.stream_block.child_blocks.items():
                    yield from block_strings(f"{where}.{child_name}", child)
        for attr in ("content_panels", "panels", "promote_panels", "settings_panels"):
            for panel in model.__dict__.get(attr, ()):
                yield from panel_strings(f"{name}.{attr}", panel)


def field_choices(where, field):
    if not field.choices:
        return
    if isinstance(field.choices, CallableChoiceIterator):
        yield f"{where}.choices()", field.choices.func
        return
    for value, label in field.choices:
        yield f"{where}.choices[{value}]", label


def panel_strings(where, panel):
    heading = getattr(panel, "heading", "")
    if heading:
        yield f"{where}[{type(panel).__name__}].heading", heading
    help_text = getattr(panel, "help_text", "")
    if help_text:
        yield f"{where}[{type(panel).__name__}].help_text", help_text
    for child in getattr(panel, "children", ()):
        yield from panel_strings(where, child)


def block_strings(where, block):
    yield f"{where}.label", block.label
    for attr in ("help_text", "description"):
        value = getattr(block.meta, attr, None)
        if value:
            yield f"{where}.{attr}", value
    # A field block hands its help text to its form field, not to its Meta.
    if isinstance(block, blocks.FieldBlock) and block.field.help_text:
        yield f"{where}.help_text", block.field.help_text
    if isinstance(block, blocks.ChoiceBlock):
        for value, label in block.field.choices:
            if value:
                yield f"{where}.choices[{value}]", label
    if isinstance(block, blocks.ListBlock):
        yield from block_strings(f"{where}[]", block.child_block)
    for child_name, child in getattr(block, "child_blocks", {}).items():
        yield from block_strings(f"{where}.{child_name}", child)


def unmarked():
    """Where a string is not marked for translation (not a lazy gettext)."""
    return [
        where
        for where, value in interface_strings()
        if not where.endswith("choices()") and not isinstance(value, Promise)
    ]

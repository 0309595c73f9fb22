"""Put a source page's synchronised facts live on its published translations.

The live version of a translation is rebuilt from the translation's own live
revision, never from what translators have stored since: strings saved in
wagtail-localize's editor and drafts saved on the translated page are
unpublished work, and they stay unpublished until someone with the right
publishes them. Only what a page declares synchronised (fields declared with
``SynchronizedField``, block children left out of ``translatable_children``)
comes from the source: an appeal's address and fax, targets, dates, images.

Blocks keep the live translation's text. Blocks the source added wait in the
draft for the translator; blocks the source removed leave the live translation
too (removing text never shows anything untranslated).
"""

from django.core.exceptions import ObjectDoesNotExist

from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import COMMENTS_RELATION_NAME
from wagtail.signals import page_published, published
from wagtail_localize.fields import copy_synchronised_fields, get_translatable_fields
from wagtail_localize.segments import (
    RelatedObjectSegmentValue,
    StringSegmentValue,
    TemplateSegmentValue,
)
from wagtail_localize.segments.extract import StreamFieldSegmentExtractor
from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter

# The translated text of a block, as its segments carry it.
TEXT_SEGMENTS = (StringSegmentValue, TemplateSegmentValue)


def live_version(translation):
    """The translation's published content with the source's current facts.

    ``translation.source`` must already hold the source's new content. Returns
    an unsaved page instance, or None if the translated page is not live.
    """
    target = translation.get_target_instance()
    if not target.live:
        return None
    revision = target.live_revision
    live = revision.as_object() if revision else target
    original = translation.source.as_instance()
    # wagtail-localize counts translated StreamFields as synchronised too (it
    # copies their structure, then pours the strings in), so read them first.
    streams = {
        field: field.value_from_object(live) for field in translated_stream_fields(live)
    }
    copy_synchronised_fields(original, live)
    for field, live_value in streams.items():
        merged = merge_stream(
            field,
            field.value_from_object(original),
            live_value,
            translation.target_locale,
        )
        setattr(live, field.name, merged)
    return live


def translated_stream_fields(instance):
    fields = []
    for translatable_field in get_translatable_fields(type(instance)):
        field = translatable_field.get_field(type(instance))
        if isinstance(field, StreamField) and translatable_field.is_translated(
            instance
        ):
            fields.append(field)
    return fields


def merge_stream(field, source_value, live_value, locale):
    """The source's blocks, each with the text of the same block on the live page."""
    live_children = {child.id: child for child in live_value}
    extractor = StreamFieldSegmentExtractor(field)
    writer = StreamFieldSegmentsWriter(field, src_locale=None, tgt_locale=locale)
    children = []
    for child in source_value:
        live_child = live_children.get(child.id)
        if live_child is None or live_child.block_type != child.block_type:
            continue  # new in the source: its text waits in the draft
        value = merge_block(extractor, writer, child, live_child, locale)
        children.append((child.block_type, value, child.id))
    return StreamValue(field.stream_block, children)


def merge_block(extractor, writer, child, live_child, locale):
    text = [
        segment
        for segment in segments_of(extractor, live_child)
        if isinstance(segment, TEXT_SEGMENTS)
    ]
    # Chosen pages and snippets are facts of the source, shown in the
    # translation's locale where they are translated (as wagtail-localize does).
    links = [
        segment
        for segment in segments_of(extractor, child)
        if isinstance(segment, RelatedObjectSegmentValue)
        and is_translated(segment, locale)
    ]
    if not text and not links:
        return child.value
    try:
        return writer.handle_block(child.block, child.value, text + links)
    except (AttributeError, IndexError, KeyError, ValueError):
        # The source reshaped a nested list or stream so that the live text no
        # longer fits it: the live block stays as published until the
        # translator publishes the draft, which has the new shape.
        return live_child.value


def segments_of(extractor, child):
    # A ListBlock is only walked when given its stored form, with item ids.
    raw_value = child.block.get_prep_value(child.value)
    return extractor.handle_block(child.block, child.value, raw_value=raw_value)


def is_translated(segment, locale):
    try:
        segment.get_instance(locale)
    except ObjectDoesNotExist:
        return False
    return True


def content_of(page):
    """What a reader or translator sees of ``page``: its translatable fields' data."""
    data = page.serializable_data()
    return {
        field.field_name: data.get(field.field_name)
        for field in get_translatable_fields(type(page))
    }


def publish_facts(live, user=None):
    """Publish ``live`` (from ``live_version``) as the translation's new revision.

    Returns the revision, or None when the live page already says the same.
    """
    current = type(live).objects.get(pk=live.pk)
    if content_of(current) == content_of(live):
        return None
    # Not cleaned: the source's publisher must never be stopped by an error in a
    # translation they cannot see; the facts were validated on the source.
    revision = live.save_revision(user=user, clean=False, changed=False)
    PublishSynchronisedFacts(revision, user=user).execute(skip_permission_checks=True)
    return revision


class PublishSynchronisedFacts(PublishPageRevisionAction):
    """Wagtail's publish action, except that a translation's approval workflow
    goes on.

    Wagtail cancels the workflow of whatever it publishes. A translator's draft
    in moderation is not what is published here (only the source's facts
    are), so its approval stays pending. The rest is what
    ``PublishPageRevisionAction._after_publish`` does: the signals (search,
    caches and the API subscribe to them) and the page's aliases.
    """

    def _after_publish(self):
        for comment in getattr(self.object, COMMENTS_RELATION_NAME).all():
            comment.save(update_fields=["position"])
        page_published.send(
            sender=self.object.specific_class,
            instance=self.object.specific,
            revision=self.revision,
        )
        published.send(
            sender=type(self.object), instance=self.object, revision=self.revision
        )
        self.object.update_aliases(
            revision=self.revision, _content=self.revision.content
        )

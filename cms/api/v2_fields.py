"""API v2's page fields that point at other pages, showing only visible ones.

Wagtail's serializer names whatever a foreign key or many-to-many field points
at: a case's country under a password, a news post's related case that is a
draft. A field pointing at a page a visitor may not read (``cms.visibility``)
is null, as in API v1, and a list (a news post's countries and related cases)
leaves it out, as API v1 does (``cms.api.fields``).
"""

from rest_framework.relations import MANY_RELATION_KWARGS, ManyRelatedField

from wagtail import fields
from wagtail.api.v2.serializers import PageSerializer, RelatedField, StreamField
from wagtail.models import Page

from cms.visibility import visible_ids, visible_or_none


class VisibleManyRelatedField(ManyRelatedField):
    """A list of related objects without the pages no visitor may read (one query)."""

    def get_attribute(self, instance):
        related = list(super().get_attribute(instance))
        pages = [obj.pk for obj in related if isinstance(obj, Page)]
        visible = visible_ids(pages)
        return [
            obj for obj in related if not isinstance(obj, Page) or obj.pk in visible
        ]


class VisibleRelatedField(RelatedField):
    """Wagtail's related field; null when it points at a page no visitor may read."""

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return visible_or_none(value) if isinstance(value, Page) else value

    @classmethod
    def many_init(cls, *args, **kwargs):
        # DRF's own, with the list field that filters.
        list_kwargs = {"child_relation": cls(*args, **kwargs)}
        for key in kwargs:
            if key in MANY_RELATION_KWARGS:
                list_kwargs[key] = kwargs[key]
        return VisibleManyRelatedField(**list_kwargs)


class PageStreamField(StreamField):
    """Wagtail's stream field, telling its blocks their page as API v1 does.

    A block that links to something of its own, such as an appeal's letter,
    reads the page from ``context["page"]`` (``cms.blocks.PageStreamBlock``).
    """

    def get_attribute(self, instance):
        return instance, super().get_attribute(instance)

    def to_representation(self, value):
        page, stream = value
        if stream is None:
            return []
        return stream.stream_block.get_api_representation(
            stream, {**self.context, "page": page}
        )


class VisiblePageSerializer(PageSerializer):
    serializer_related_field = VisibleRelatedField

    serializer_field_mapping = {
        **PageSerializer.serializer_field_mapping,
        fields.StreamField: PageStreamField,
    }

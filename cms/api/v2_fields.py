"""API v2's page fields that point at other pages, showing only visible ones.

Wagtail's serializer names whatever a foreign key or many-to-many field points
at: a case's country under a password, a news post's related case that is a
draft. A field pointing at a page a visitor may not read (``cms.visibility``)
is null, as in API v1, and a list (a news post's countries and related cases)
leaves it out, as API v1 does (``cms.api.fields``).
"""

from rest_framework.relations import MANY_RELATION_KWARGS, ManyRelatedField

from wagtail.api.v2.serializers import PageSerializer, RelatedField
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


class VisiblePageSerializer(PageSerializer):
    serializer_related_field = VisibleRelatedField

    def to_representation(self, instance):
        # Blocks read the page they are on from their context, as in API v1
        # (an action form on a translation shows its source page's targets).
        self.context["page"] = instance
        return super().to_representation(instance)

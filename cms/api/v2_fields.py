"""API v2's page fields that point at other pages, showing only visible ones.

Wagtail's serializer names whatever a foreign key or many-to-many field points
at: a case's country under a password, a news post's related case that is a
draft. A field pointing at a page a visitor may not read (``cms.visibility``)
is null, as in API v1. (No page type lists pages in a many-to-many API field
yet; API v1 leaves hidden ones out of such a list, ``cms.api.fields``.)
"""

from wagtail.api.v2.serializers import PageSerializer, RelatedField
from wagtail.models import Page

from cms.visibility import visible_or_none


class VisibleRelatedField(RelatedField):
    """Wagtail's related field; null when it points at a page no visitor may read."""

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return visible_or_none(value) if isinstance(value, Page) else value


class VisiblePageSerializer(PageSerializer):
    serializer_related_field = VisibleRelatedField

    def to_representation(self, instance):
        # Blocks read the page they are on from their context, as in API v1
        # (an action form on a translation shows its source page's targets).
        self.context["page"] = instance
        return super().to_representation(instance)

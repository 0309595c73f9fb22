"""Snippets the pages show: when one changes, the pages showing it change too.

An app registers each of its models that pages show, from its ``ready()``::

    from cms.lifecycle import register_shown_snippet

    register_shown_snippet(ActionTarget)

The pages showing an instance are found through Wagtail's reference index (what
pages' stored content chooses: snippet choosers, foreign keys), or by
``pages(instance)``, a function returning page ids, for relations the index
does not record (many-to-many fields).
"""

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page, ReferenceIndex

_shown = {}


def register_shown_snippet(model, pages=None):
    from .receivers import connect_snippet

    _shown[model] = pages or referring_pages
    connect_snippet(model)


def shown_snippets():
    """The registered models (the receivers connect to their saves and deletes)."""
    return list(_shown)


def referring_pages(instance):
    """Ids of the pages whose stored content refers to ``instance``."""
    return (
        ReferenceIndex.get_references_to(instance)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
        .distinct()
    )


def snippet_pages(instance):
    """Ids of the pages that show ``instance``, a registered snippet."""
    return frozenset(int(pk) for pk in _shown[type(instance)](instance))

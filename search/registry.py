"""The page types that the search plugin indexes, found from what they declare.

Pages declare ``search_fields``; this registry finds every page model with
``wagtail.models.get_page_models()``, so the content apps never import the plugin.
"""

from django.core.exceptions import FieldDoesNotExist

from wagtail.models import Page, get_page_models
from wagtail.search import index

from .conf import get_setting


class Registry:
    def __init__(self):
        self._models = {}

    def register(self, model):
        """Index ``model``; usable as a class decorator."""
        self._models[model._meta.label_lower] = model
        return model

    def autodiscover(self):
        excluded = set(get_setting("EXCLUDE_MODELS"))
        for model in get_page_models():
            if model._meta.label_lower not in excluded and not model._meta.abstract:
                self.register(model)

    def get_models(self):
        return list(self._models.values())

    def get_model(self, label):
        return self._models.get(label.lower())

    def __contains__(self, model):
        return model._meta.label_lower in self._models

    def __iter__(self):
        return iter(self.get_models())


registry = Registry()
register = registry.register


def autodiscover():
    registry.autodiscover()


def own_search_fields(model):
    """The model's search fields, without the admin-only filters that ``Page`` declares.

    ``Page`` declares filters such as ``owner``, ``path`` and ``locked`` for the admin;
    visibility is decided before a page is indexed, so the index does not need them.
    """
    page_filters = {
        f.field_name for f in Page.search_fields if isinstance(f, index.FilterField)
    }
    fields = []
    for field in model.get_search_fields():
        if isinstance(field, index.FilterField) and field.field_name in page_filters:
            continue
        fields.append(field)
    return fields


def field_type(model, field):
    """The Django internal type of a declared field, following relations."""
    try:
        return field.get_type(model)
    except (AttributeError, FieldDoesNotExist):
        return "CharField"

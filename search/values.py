"""Turning declared page fields into plain JSON values for documents."""

import datetime
import functools

from modelcluster.queryset import FakeQuerySet

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import ForeignObjectRel
from django.db.models.fields.related import RelatedField

from wagtail.fields import StreamField
from wagtail.search import index

from .blocks import stream_text_getter
from .conf import get_setting


def value_getter(model, field):
    """``field.get_value`` with the per-object lookups done once per model.

    modelsearch's ``get_value`` looks the model field up (and asks whether taggit
    is installed) for every object; bulk loads call it for every field of every page.
    """
    try:
        model_field = field.get_field(model)
    except FieldDoesNotExist:
        return field.get_value
    if (
        isinstance(model_field, RelatedField | ForeignObjectRel)
        or not model_field.concrete
    ):
        return field.get_value
    if isinstance(model_field, StreamField):
        return stream_text_getter(model_field)
    read = model_field.value_from_object
    if hasattr(model_field, "get_searchable_content"):
        searchable = model_field.get_searchable_content
        return lambda obj: searchable(read(obj))
    return read


def text_value(value):
    """One string from a field's searchable content (StreamField gives a list)."""
    if value is None:
        return ""
    if isinstance(value, models.Manager):
        value = value.all()
    if isinstance(value, list | tuple | models.QuerySet):
        return " ".join(text_value(item) for item in value if item is not None)
    return str(value)


def filter_value(value):
    """A filter value: related objects by primary key, dates as ISO strings."""
    if isinstance(value, models.Manager):
        return [obj.pk for obj in value.all()]
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, list | tuple | models.QuerySet | FakeQuerySet):
        return [item.pk if isinstance(item, models.Model) else item for item in value]
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value


def related_value(field, obj):
    """The nested object(s) for a ``RelatedFields`` entry."""
    value = field.get_value(obj)
    if isinstance(value, models.Manager):
        return [nested(field.fields, item) for item in value.all()]
    if isinstance(value, models.Model):
        return nested(field.fields, value)
    return None


def nested(fields, obj):
    """A related object's fields; empty values left out, as elasticsearch.dsl does."""
    data = {}
    for child in fields:
        if isinstance(child, index.AutocompleteField):
            continue
        if isinstance(child, index.SearchField):
            data[child.field_name] = text_value(child.get_value(obj))
        elif isinstance(child, index.FilterField):
            data[child.field_name] = filter_value(child.get_value(obj))
        elif isinstance(child, index.RelatedFields):
            data[child.field_name] = related_value(child, obj)
    return {k: v for k, v in data.items() if v not in ([], {}, None)}


def resolve_path(obj, path):
    """Every value at a dotted path, following foreign keys and many-to-many."""
    values = [obj]
    for name in path.split("."):
        found = []
        for item in values:
            value = getattr(item, name, None)
            if isinstance(value, models.Manager):
                found.extend(value.all())
            elif value is not None and value != "":
                found.append(value)
        values = found
    return values


@functools.cache
def facet_paths(model, facets):
    """The facet paths that can apply to ``model``: those whose first step it has."""
    return tuple(
        (name, tuple(p for p in paths if hasattr(model, p.partition(".")[0])))
        for name, paths in facets
    )


def facet_values(page):
    """Each facet's values for a page, as strings."""
    configured = tuple((k, tuple(v)) for k, v in get_setting("FACETS").items())
    facets = {}
    for name, paths in facet_paths(type(page), configured):
        values = {str(v) for path in paths for v in resolve_path(page, path)}
        if values:
            facets[name] = sorted(values)
    return facets


def summary_of(page):
    for name in get_setting("SUMMARY_ATTRIBUTES"):
        value = getattr(page, name, "")
        if value:
            return str(value)
    return ""

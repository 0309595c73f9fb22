"""Turning declared page fields into plain JSON values for documents."""

import datetime

from django.db import models

from wagtail.search import index

from .conf import get_setting


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
    if isinstance(value, list | tuple):
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
    return data


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


def facet_values(page):
    """Each facet's values for a page, as strings."""
    facets = {}
    for name, paths in get_setting("FACETS").items():
        values = []
        for path in paths:
            values.extend(str(v) for v in resolve_path(page, path))
        if values:
            facets[name] = sorted(set(values))
    return facets


def summary_of(page):
    for name in get_setting("SUMMARY_ATTRIBUTES"):
        value = getattr(page, name, "")
        if value:
            return str(value)
    return ""

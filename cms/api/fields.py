"""Typed readers for the fields a page model lists in ``api_fields``.

Each reader pairs the pydantic type of a field's API value with the function that
produces it, so the OpenAPI schema and the response come from one place.
"""

import datetime
import decimal
from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from modelcluster.contrib.taggit import ClusterTaggableManager
from ninja import Schema

from django.core.exceptions import ImproperlyConfigured
from django.db import models

from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from caseblocks.blocks.media import image_api_representation
from caseblocks.blocks.sanitise import clean_html, web_url
from caseblocks.blocks.schemas import ImageValue, RichTextValue
from caseblocks.blocks.tree import rich_text_tree, wants_tree
from cms.api import tags
from cms.api.refs import CountryRef, PageRef, country_ref, in_locales, page_ref
from cms.api.schemas.blocks import block_schema
from cms.models import CountryPage, PartnerOrganisation
from cms.visibility import visible_ids, visible_or_none


@dataclass(frozen=True)
class FieldReader:
    schema: Any
    read: Any  # (page, context) -> JSON-ready value


SCALARS = [
    (models.DateTimeField, datetime.datetime),
    (models.DateField, datetime.date),
    (models.BooleanField, bool),
    (models.IntegerField, int),
    (models.FloatField, float),
    (models.DecimalField, decimal.Decimal),
    (models.CharField, str),
    (models.TextField, str),
]


def _attr(name):
    return lambda page, context: getattr(page, name)


def field_reader(model, name):
    field = model._meta.get_field(name)
    if isinstance(field, StreamField):
        block = field.stream_block
        return FieldReader(
            block_schema(block),
            lambda page, context: block.get_api_representation(
                getattr(page, name), {**context, "page": page}
            ),
        )
    if isinstance(field, RichTextField):
        return FieldReader(
            RichTextValue, lambda page, context: rich_text(page, name, context)
        )
    if isinstance(field, ClusterTaggableManager):
        return FieldReader(
            list[str],
            lambda page, context: sorted(tag.name for tag in getattr(page, name).all()),
        )
    if field.is_relation:
        return relation_reader(field)
    if isinstance(field, models.URLField):  # only http(s) reaches a front-end's href
        return FieldReader(
            str, lambda page, context: web_url(getattr(page, name)) or ""
        )
    for field_class, python_type in SCALARS:
        if isinstance(field, field_class):
            if field.choices:
                python_type = Literal[tuple(str(key) for key, _ in field.choices)]
                if field.blank:
                    python_type = python_type | Literal[""]
            return FieldReader(
                python_type | None if field.null else python_type, _attr(name)
            )
    raise ImproperlyConfigured(f"No API reader for {model.__name__}.{name}.")


class PartnerRef(Schema):
    """A partner organisation (a snippet), as its admin panels describe it."""

    name: str
    url: str
    logo: ImageValue | None

    @classmethod
    def of(cls, partner):
        return cls(
            name=partner.name,
            url=web_url(partner.url) or "",
            logo=image_api_representation(partner.logo),
        )


def partner_ref(partner):
    tags.add(tags.snippet_tag(type(partner)))
    return PartnerRef.of(partner).model_dump(mode="json")


def rich_text(page, name, context):
    source = getattr(page, name)
    if wants_tree(context):
        return rich_text_tree(source)
    return clean_html(expand_db_html(source))


def relation_reader(field):
    related, name = field.related_model, field.name
    if issubclass(related, CountryPage):
        schema, represent = CountryRef, country_ref
    elif issubclass(related, AbstractImage):
        schema, represent = ImageValue, image_api_representation
    elif issubclass(related, Page):
        schema, represent = PageRef, page_ref
    elif issubclass(related, PartnerOrganisation):
        schema, represent = PartnerRef, partner_ref
    else:
        raise ImproperlyConfigured(f"No API reader for the relation {field}.")
    if issubclass(related, Page):
        # A field pointing at a page a visitor may not read shows nothing; one
        # pointing at another language's page shows its translation, if public.
        if field.many_to_many:
            return FieldReader(
                list[schema],
                lambda page, context: [
                    represent(obj) for obj in visible_related(page, name)
                ],
            )
        return FieldReader(
            schema | None,
            lambda page, context: represent(
                visible_or_none(in_locales([(page, getattr(page, name))])[0])
            ),
        )
    if field.many_to_many:
        return FieldReader(
            list[schema],
            lambda page, context: [represent(obj) for obj in getattr(page, name).all()],
        )
    return FieldReader(
        schema | None, lambda page, context: represent(getattr(page, name))
    )


def visible_related(page, name):
    """The related pages a visitor may read, in the page's language where they
    are translated, in the manager's order (two queries)."""
    pages = in_locales([(page, related) for related in getattr(page, name).all()])
    visible = visible_ids([related.pk for related in pages])
    return [related for related in pages if related.pk in visible]


@cache
def api_fields(model):
    """Field name → FieldReader for the model's declared ``api_fields``."""
    return {
        field.name: field_reader(model, field.name)
        for field in APIField.get_fields_for_model(model)
    }

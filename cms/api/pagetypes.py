"""The page types the API serves, named and described from the page models.

A page type's API name is its model name without ``Page``, in snake case:
``CasePage`` is ``case``, ``CaseIndexPage`` is ``case_index``. What a teaser shows
is read from the model's fields, so a new page model needs no API code:

- ``country``: a foreign key or many-to-many field to ``CountryPage`` (the first
  one listed), or the page itself for a country;
- ``image``: the first foreign key to an image;
- ``status``: a field named ``status``;
- ``date``: ``published_at`` if the model has it, else the first publication;
- ``campaigns``: a many-to-many field to ``CampaignPage`` named ``campaigns``.
"""

from dataclasses import dataclass
from functools import cache

from django.db import models
from django.db.models import Prefetch, Value

from wagtail.coreutils import camelcase_to_underscore
from wagtail.images import get_image_model
from wagtail.models import get_page_models

from cms.models import CampaignPage, CountryPage
from cms.visibility import visible_pages


@dataclass(frozen=True)
class PageType:
    name: str
    model: type
    country_field: str | None = None
    country_many: bool = False
    image_field: str | None = None
    has_status: bool = False
    has_tags: bool = False
    date_field: str = "first_published_at"
    has_campaigns: bool = False

    @property
    def country_lookup(self):
        """The lookup from this model to its country's ISO code."""
        if self.model is CountryPage:
            return "iso_code"
        return f"{self.country_field}__iso_code" if self.country_field else None

    def teaser_queryset(self, ids):
        """The pages with ``ids``, with what their teasers read in a few queries.

        The country is read through the visible pages only: a teaser never names
        a country a visitor may not read (``cms.visibility``).
        """
        queryset = self.model.objects.filter(pk__in=ids).select_related("locale")
        if self.country_field:
            queryset = queryset.prefetch_related(
                Prefetch(
                    self.country_field,
                    queryset=visible_pages(CountryPage)
                    .annotate(known_visible=Value(True))
                    .select_related("locale")
                    .order_by("title", "pk"),
                )
            )
        if self.image_field:
            queryset = queryset.select_related(self.image_field).prefetch_related(
                f"{self.image_field}__renditions"
            )
        if self.has_tags:
            queryset = queryset.prefetch_related("tags")
        if self.has_campaigns:
            queryset = queryset.prefetch_related(
                Prefetch(
                    "campaigns",
                    queryset=visible_pages(CampaignPage)
                    .select_related("locale")
                    .order_by("-starts_on", "title", "pk"),
                )
            )
        return queryset


def describe(model):
    fields = {field.name: field for field in model._meta.get_fields()}
    country = next(
        (
            field
            for field in fields.values()
            if field.is_relation
            and not field.auto_created
            and field.related_model is CountryPage
        ),
        None,
    )
    image = next(
        (
            field
            for field in fields.values()
            if isinstance(field, models.ForeignKey)
            and field.related_model is get_image_model()
        ),
        None,
    )
    return PageType(
        name=camelcase_to_underscore(model.__name__.removesuffix("Page")),
        model=model,
        country_field=country.name if country else None,
        country_many=bool(country and country.many_to_many),
        image_field=image.name if image else None,
        has_status="status" in fields,
        has_tags="tags" in fields,
        date_field="published_at" if "published_at" in fields else "first_published_at",
        has_campaigns=getattr(fields.get("campaigns"), "related_model", None)
        is CampaignPage,
    )


@cache
def page_types():
    """API name → PageType, for every page model of the project (not Wagtail's root)."""
    return {
        page_type.name: page_type
        for page_type in map(describe, get_page_models())
        if page_type.model._meta.app_label != "wagtailcore"
    }


@cache
def page_type_for_model(model):
    return next(pt for pt in page_types().values() if pt.model is model)

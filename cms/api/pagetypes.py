"""The page types the API serves, named and described from the page models.

A page type's API name is its model name without ``Page``, in snake case:
``CasePage`` is ``case``, ``CaseIndexPage`` is ``case_index``. What a teaser shows
is what the model declares on ``cms.models.mixins.TeaserMixin`` (its summary,
image, countries, date, status, tags and campaigns), so a new page model needs
no API code.
"""

from dataclasses import dataclass
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Value

from wagtail.coreutils import camelcase_to_underscore
from wagtail.models import get_page_models

from cms.models import CampaignPage, CountryPage
from cms.visibility import visible_pages


@dataclass(frozen=True)
class PageType:
    name: str
    model: type
    summary_field: str | None = None
    country_field: str | None = None
    country_many: bool = False
    image_field: str | None = None
    status_field: str | None = None
    tags_field: str | None = None
    date_field: str = "first_published_at"
    campaigns_field: str | None = None

    @property
    def has_status(self):
        return self.status_field is not None

    @property
    def has_tags(self):
        return self.tags_field is not None

    @property
    def has_campaigns(self):
        return self.campaigns_field is not None

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
            queryset = queryset.prefetch_related(self.tags_field)
        if self.has_campaigns:
            queryset = queryset.prefetch_related(
                Prefetch(
                    self.campaigns_field,
                    queryset=visible_pages(CampaignPage)
                    .select_related("locale")
                    .order_by("-starts_on", "title", "pk"),
                )
            )
        return queryset

    def teaser_pages(self, ids):
        """The pages with ``ids``, each with its teaser's countries found.

        Countries are answered in each page's language where they are translated
        (``cms.api.refs.in_locales``): one more query for the whole batch at most.
        """
        from cms.api.refs import in_locales  # refs names page types

        pages = list(self.teaser_queryset(ids))
        if self.model is CountryPage:
            for page in pages:
                page.teaser_countries_found = [page]
        elif self.country_field:
            pairs = [
                (page, country) for page in pages for country in self.countries_of(page)
            ]
            localised = iter(in_locales(pairs))
            for page in pages:
                page.teaser_countries_found = []
            for (page, _country), country in zip(pairs, localised, strict=True):
                page.teaser_countries_found.append(country)
        return pages

    def countries_of(self, page):
        """The visible countries the page's declared field holds (prefetched)."""
        if self.country_many:
            return list(getattr(page, self.country_field).all())
        # Prefetched through the visible pages: a hidden country is left out.
        found = getattr(page, self.country_field)
        return [found] if found is not None else []


def describe(model):
    countries = getattr(model, "teaser_countries", None)
    country_field = None if countries in (None, "self") else countries
    return PageType(
        name=camelcase_to_underscore(model.__name__.removesuffix("Page")),
        model=model,
        summary_field=getattr(model, "teaser_summary", None),
        country_field=country_field,
        country_many=bool(
            country_field and model._meta.get_field(country_field).many_to_many
        ),
        image_field=getattr(model, "teaser_image", None),
        status_field=getattr(model, "teaser_status", None),
        tags_field=getattr(model, "teaser_tags", None),
        date_field=getattr(model, "teaser_date", "first_published_at"),
        campaigns_field=getattr(model, "teaser_campaigns", None),
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


def page_type_for_content_type(content_type_id):
    """The PageType of pages stored with ``content_type_id`` (cached by Django)."""
    return page_type_for_model(
        ContentType.objects.get_for_id(content_type_id).model_class()
    )

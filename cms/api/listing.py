"""Listings of teasers: the filters, "newest first" and the pagination links.

``/pages/`` answers a listing, and a page's ``include=`` (``cms.api.include``)
answers the same listing for its related pages, with links that page on through
``/pages/``.
"""

from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, F, OuterRef, Q, Subquery, When
from django.urls import reverse

from cms.api import caching, tags
from cms.api.campaigns import campaign_ids, in_campaign
from cms.api.errors import BadRequest
from cms.api.loading import teasers
from cms.api.locales import in_locale, mark_untranslated
from cms.api.pagetypes import page_types
from cms.api.sites import site_pages
from cms.models import CampaignPage, CasePage, CountryPage, NewsPage

DEFAULT_ORDER = "-date"


def status_choices():
    return {
        key
        for page_type in page_types().values()
        if page_type.has_status
        for key, _ in page_type.model._meta.get_field(page_type.status_field).choices
    }


def any_type(page_type, field, check, lookup):
    """A condition on the page types that ``check`` accepts, or 400 naming ``field``."""
    types = [page_type] if page_type else list(page_types().values())
    matching = [pt for pt in types if check(pt)]
    if not matching:
        raise BadRequest(field, f"Pages of type '{page_type.name}' have no {field}.")
    condition = Q(pk__in=[])
    for pt in matching:
        condition |= Q(pk__in=pt.model.objects.filter(**lookup(pt)).values("pk"))
    return condition


def teaser_date(page_type):
    """The date each page's teaser shows, for pages of ``page_type`` or of any type."""
    if page_type:
        return F(page_type.date_field)
    others = [
        When(
            content_type=ContentType.objects.get_for_model(pt.model),
            then=Subquery(
                pt.model.objects.filter(pk=OuterRef("pk")).values(pt.date_field)[:1]
            ),
        )
        for pt in page_types().values()
        if pt.date_field != "first_published_at"
    ]
    default = F("first_published_at")
    return Case(*others, default=default) if others else default


def ordering(order, page_type):
    descending, name = order.startswith("-"), order.lstrip("-")
    if name == "date":
        field = teaser_date(page_type)
    else:
        field = F("pk" if name == "id" else name)
    if descending:
        return [field.desc(nulls_last=True), F("pk").desc()]
    return [field.asc(nulls_last=True), F("pk").asc()]


def related_to(model, field, page_id):
    """Pages of ``model`` whose ``field`` names the page ``page_id`` in any language."""
    return Q(
        pk__in=model.objects.filter(
            **{f"{field}__translation_key__in": _translation_key(page_id)}
        ).values("pk")
    )


def _translation_key(page_id):
    from wagtail.models import Page

    return Page.objects.filter(pk=page_id).values("translation_key")


def filtered(request, filters):
    """The public pages matching ``filters`` (the listing's query parameters)."""
    page_type = page_types()[filters["type"]] if filters.get("type") else None
    if page_type:
        queryset = site_pages(request, page_type.model)
    else:
        # Any page type may join or leave this listing (cms.api.tags).
        tags.add_types(pt.model for pt in page_types().values())
        queryset = site_pages(request).filter(depth__gte=2)
    if country := filters.get("country"):
        # The pages are found by their country's ISO code.
        tags.add_types([CountryPage])
        queryset = queryset.filter(
            any_type(
                page_type,
                "country",
                lambda pt: pt.country_lookup,
                lambda pt: {pt.country_lookup: country.upper()},
            )
        )
    if status := filters.get("status"):
        if status not in status_choices():
            raise BadRequest("status", f"Unknown status '{status}'.")
        queryset = queryset.filter(
            any_type(
                page_type,
                "status",
                lambda pt: pt.has_status,
                lambda pt: {pt.status_field: status},
            )
        )
    if tag := filters.get("tag"):
        queryset = queryset.filter(
            any_type(
                page_type,
                "tag",
                lambda pt: pt.has_tags,
                lambda pt: {f"{pt.tags_field}__slug": tag},
            )
        )
    if campaign := filters.get("campaign"):
        types = [page_type] if page_type else list(page_types().values())
        if not any(pt.has_campaigns for pt in types):
            raise BadRequest(
                "campaign", f"Pages of type '{page_type.name}' have no campaign."
            )
        ids = campaign_ids(site_pages(request, CampaignPage), campaign)
        queryset = queryset.filter(in_campaign(types, ids))
    if filters.get("case") is not None:
        queryset = queryset.filter(
            related_to(NewsPage, "related_cases", filters["case"])
        )
    if filters.get("news") is not None:
        named = NewsPage.objects.filter(
            translation_key__in=_translation_key(filters["news"])
        ).values("related_cases__translation_key")
        queryset = queryset.filter(
            pk__in=CasePage.objects.filter(translation_key__in=named).values("pk")
        )
    if locale := filters.get("locale"):
        queryset = in_locale(queryset, locale, site_pages(request))
    if filters.get("child_of") is not None:
        tags.add(tags.page_tag(filters["child_of"]))
        parent = site_pages(request).filter(pk=filters["child_of"]).first()
        if parent is None:
            raise BadRequest("child_of", "No public page with this id.")
        queryset = queryset.child_of(parent)
    return queryset, page_type


def link(filters, order, limit, offset):
    """The address of this listing from ``offset``, every filter kept."""
    query = {name: value for name, value in filters.items() if value is not None}
    if order != DEFAULT_ORDER:
        query["order"] = order
    query.update(limit=limit, offset=offset)
    return f"{reverse('cms_api:list_pages')}?{urlencode(query)}"


def page_listing(request, filters, order, limit, offset):
    """A listing of teasers: ``total``, the window, ``items`` and links on."""
    queryset, page_type = filtered(request, filters)
    total = queryset.count()
    versions = list(
        queryset.order_by(*ordering(order, page_type)).values(*caching.VERSION_FIELDS)[
            offset : offset + limit
        ]
    )
    after = offset + limit
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "next": link(filters, order, limit, after) if after < total else None,
        "previous": link(filters, order, limit, max(offset - limit, 0))
        if offset
        else None,
        "items": mark_untranslated(teasers(versions), filters.get("locale")),
    }

"""Pages as JSON-ready dicts: teasers for listings, details for a single page."""

from caseblocks.blocks.media import image_api_representation
from cms.api.fields import api_fields
from cms.api.pagetypes import page_type_for_model
from cms.api.paths import page_path
from cms.api.refs import country_ref, page_ref
from cms.models import CountryPage
from cms.visibility import visible_or_none


def shown(country):
    """The country if a visitor may read it; prefetched ones are known to be."""
    if country is None or getattr(country, "known_visible", False):
        return country
    return visible_or_none(country)


def page_country(page, page_type):
    if isinstance(page, CountryPage):
        return page
    if page_type.country_many:
        # Prefetched, so read in Python rather than with .first(), another query.
        countries = [
            c for c in getattr(page, page_type.country_field).all() if shown(c)
        ]
        return countries[0] if countries else None
    if page_type.country_field:
        return shown(getattr(page, page_type.country_field))
    return None


def teaser(page):
    page_type = page_type_for_model(type(page))
    image = getattr(page, page_type.image_field) if page_type.image_field else None
    return {
        "id": page.pk,
        "type": page_type.name,
        "title": page.title,
        "summary": getattr(page, "summary", "") or getattr(page, "intro", ""),
        "date": getattr(page, page_type.date_field),
        "image": image_api_representation(image),
        "country": country_ref(page_country(page, page_type)),
        "status": page.status if page_type.has_status else None,
        "path": page_path(page),
        "locale": page.locale.language_code,
        # Prefetched through the visible campaigns only (PageType.teaser_queryset).
        "campaigns": [page_ref(c) for c in page.campaigns.all()]
        if page_type.has_campaigns
        else [],
    }


def link(page):
    return {"id": page.pk, "title": page.title, "path": page_path(page)}


def detail(page, public):
    """The whole page. ``public``: the public pages queryset of the request."""
    data = teaser(page)
    data.update(
        slug=page.slug,
        seo_title=page.seo_title,
        search_description=page.search_description,
        first_published_at=page.first_published_at,
        last_published_at=page.last_published_at,
        breadcrumbs=[
            link(ancestor)
            for ancestor in public.ancestor_of(page)
            .filter(depth__gte=2)
            .select_related("locale")
            .order_by("depth")
        ],
        translations=[
            {**link(translation), "locale": translation.locale.language_code}
            for translation in page.get_translations()
            .live()
            .filter(pk__in=public.values("pk"))
            .select_related("locale")
            .order_by("locale__language_code")
        ],
    )
    context = {}
    for name, reader in api_fields(type(page)).items():
        if name not in data:
            data[name] = reader.read(page, context)
    return data

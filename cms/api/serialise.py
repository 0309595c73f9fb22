"""Pages as JSON-ready dicts: teasers for listings, details for a single page."""

from django.db.models import Exists, OuterRef

from wagtail.models import Page

from caseblocks.blocks.media import image_api_representation
from caseblocks.blocks.tree import FORMAT_KEY
from cms.api import tags
from cms.api.fields import api_fields
from cms.api.pagetypes import page_type_for_model
from cms.api.refs import country_ref, in_locales, page_ref
from cms.api.rich_text import reading_language
from cms.api.schemas.teasers import PageTeaser
from cms.models import CountryPage
from cms.paths import page_path
from cms.visibility import visible_or_none


def shown(country):
    """The country if a visitor may read it; prefetched ones are known to be."""
    if country is None or getattr(country, "known_visible", False):
        return country
    return visible_or_none(country)


def page_countries(page, page_type):
    """The countries the page's teaser names, all of them, in the page's language.

    ``cms.api.pagetypes.PageType.teaser_queryset`` reads them in a few queries for
    a whole batch and leaves them on ``teaser_countries_found``.
    """
    found = getattr(page, "teaser_countries_found", None)
    if found is not None:
        return found
    if isinstance(page, CountryPage):
        return [page]
    if not page_type.country_field:
        return []
    value = getattr(page, page_type.country_field)
    countries = list(value.all()) if page_type.country_many else [value]
    countries = in_locales([(page, country) for country in countries])
    return [country for country in countries if shown(country)]


def teaser(page):
    """The page's teaser, produced from its one declaration, ``PageTeaser``."""
    page_type = page_type_for_model(type(page))
    add_teaser_tags(page, page_type)
    image = getattr(page, page_type.image_field) if page_type.image_field else None
    summary = getattr(page, page_type.summary_field) if page_type.summary_field else ""
    status = getattr(page, page_type.status_field) if page_type.status_field else None
    return PageTeaser(
        id=page.pk,
        type=page_type.name,
        title=page.title,
        summary=summary or "",
        date=getattr(page, page_type.date_field),
        image=image_api_representation(image),
        countries=[country_ref(c) for c in page_countries(page, page_type)],
        status=status or None,
        path=page_path(page),
        locale=page.locale.language_code,
        # Prefetched through the visible campaigns only (PageType.teaser_queryset).
        campaigns=[page_ref(c) for c in getattr(page, page_type.campaigns_field).all()]
        if page_type.has_campaigns
        else [],
    ).model_dump(exclude={"meta"})


def add_teaser_tags(page, page_type):
    """The page, and what may show on its teaser though it does not today.

    The shown countries and campaigns tag themselves (``cms.api.refs``). A
    country chosen but hidden shows once it is public again: its id is tagged
    too. Of a field holding several pages, only the visible ones are read, so
    any page of that type appearing may change the teaser.
    """
    tags.add(tags.page_tag(page.pk))
    if page_type.country_field and not page_type.country_many:
        tags.add_pages([getattr(page, f"{page_type.country_field}_id")])
    related = [page_type.campaigns_field] if page_type.has_campaigns else []
    if page_type.country_many:
        related.append(page_type.country_field)
    tags.add_types(type(page)._meta.get_field(name).related_model for name in related)


def link(page):
    tags.add(tags.page_tag(page.pk))
    return {"id": page.pk, "title": page.title, "path": page_path(page)}


def breadcrumbs(page, public):
    """Links to the page's public ancestors; every ancestor tagged, shown or not,
    since one published again joins the breadcrumbs."""
    ancestors = (
        Page.objects.ancestor_of(page)
        .filter(depth__gte=2)
        .annotate(shown=Exists(public.filter(pk=OuterRef("pk"))))
        .select_related("locale")
        .order_by("depth")
    )
    found = []
    for ancestor in ancestors:
        tags.add(tags.page_tag(ancestor.pk))
        if ancestor.shown:
            found.append(link(ancestor))
    return found


def detail(page, public, rich_text="html"):
    """The whole page. ``public``: the public pages queryset of the request;
    ``rich_text``: "html", or "tree" for rich text as typed trees."""
    data = teaser(page)
    data.update(
        slug=page.slug,
        seo_title=page.seo_title,
        search_description=page.search_description,
        first_published_at=page.first_published_at,
        last_published_at=page.last_published_at,
        breadcrumbs=breadcrumbs(page, public),
        translations=[
            {**link(translation), "locale": translation.locale.language_code}
            for translation in page.get_translations()
            .filter(pk__in=public.values("pk"))
            .select_related("locale")
            .order_by("locale__language_code")
        ],
    )
    context = {"page": page, FORMAT_KEY: rich_text}
    with reading_language(page.locale.language_code):
        for name, reader in api_fields(type(page)).items():
            if name not in data:
                data[name] = reader.read(page, context)
    return data

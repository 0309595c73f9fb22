"""What each page type's template is given, beyond the page itself.

Every page, listing and reference named here is one a visitor may read
(``cms.site.links``): a draft preview shows the editor's unsaved page among the
published ones, never other drafts or private pages.
"""

from django.conf import settings
from django.utils.translation import get_language_info

from caseblocks.blocks.sanitise import web_url
from cms.paths import page_path
from cms.site.links import readable_page_ids, readable_pages


def listed(request, *model):
    """Readable pages (of ``model``) with their locale, which their URLs need."""
    return readable_pages(request, *model).select_related("locale")


# How many cases and news posts the home page shows.
LATEST_ON_HOME = 5


def page_context(request, page):
    """The context of ``page``'s template: its language, links and listings."""
    from cms import models  # here: the page models import this module lazily

    language = page.locale.language_code
    home = listed(request, models.HomePage).filter(locale_id=page.locale_id).first()
    context = {
        "language": language,
        "direction": "rtl" if is_right_to_left(language) else "ltr",
        "home": home,
        "sections": list(listed(request).child_of(home).specific()) if home else [],
        "translations": translations(request, page),
        "readable_page_ids": readable_page_ids(request),
    }
    extra = {
        models.HomePage: home_context,
        models.CountryIndexPage: country_index_context,
        models.CaseIndexPage: case_index_context,
        models.NewsIndexPage: news_index_context,
        models.CountryPage: country_context,
        models.CasePage: case_context,
        models.NewsPage: news_context,
    }.get(type(page))
    if extra is not None:
        context.update(extra(request, page, models))
    return context


def is_right_to_left(language):
    try:
        return get_language_info(language)["bidi"]
    except KeyError:  # a content language Django knows nothing of
        return False


def translations(request, page):
    """The page's readable translations as ``{"language", "name", "url"}``, in
    the order of ``WAGTAIL_CONTENT_LANGUAGES``."""
    if page.pk is None:
        return []
    found = {
        other.locale.language_code: other
        for other in listed(request)
        .filter(translation_key=page.translation_key)
        .exclude(pk=page.pk)
        .select_related("locale")
    }
    return [
        {
            "language": code,
            "name": get_language_info(code)["name_local"],
            "url": page_path(found[code]),
        }
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
        if code in found
    ]


def newest_cases(queryset):
    return queryset.order_by("-first_published_at", "-pk")


def newest_news(queryset):
    return queryset.order_by("-published_at", "-pk")


def children(request, page, model):
    if page.pk is None:  # an unsaved page in the preview has none yet
        return listed(request, model).none()
    return listed(request, model).child_of(page)


def home_context(request, page, models):
    def latest(model):
        return listed(request, model).filter(locale_id=page.locale_id)

    return {
        "cases": newest_cases(latest(models.CasePage))[:LATEST_ON_HOME],
        "news": newest_news(latest(models.NewsPage))[:LATEST_ON_HOME],
    }


def country_index_context(request, page, models):
    return {"items": children(request, page, models.CountryPage).order_by("title")}


def case_index_context(request, page, models):
    return {"items": newest_cases(children(request, page, models.CasePage))}


def news_index_context(request, page, models):
    return {"items": newest_news(children(request, page, models.NewsPage))}


def country_context(request, page, models):
    if page.pk is None:
        return {"cases": [], "news": []}
    cases = listed(request, models.CasePage).filter(country_id=page.pk)
    news = listed(request, models.NewsPage).filter(countries=page)
    return {"cases": newest_cases(cases), "news": newest_news(news.distinct())}


def case_context(request, page, models):
    countries = listed(request, models.CountryPage)
    return {
        "country": countries.filter(pk=page.country_id).first()
        if page.country_id
        else None,
        "tags": list(page.tags.all()),
    }


def news_context(request, page, models):
    def chosen(model, related):
        # In a preview the choices are the editor's unsaved ones, held in memory.
        ids = [item.pk for item in related.all()]
        return listed(request, model).filter(pk__in=ids)

    code = page.original_language
    try:
        original_language_name = get_language_info(code)["name_local"] if code else ""
    except KeyError:  # a language Django has no name for
        original_language_name = code
    return {
        "countries": chosen(models.CountryPage, page.countries).order_by("title"),
        "related_cases": chosen(models.CasePage, page.related_cases).order_by("title"),
        "original_language_name": original_language_name,
        # Only http(s): a value stored past the form's validation keeps no script.
        "source_url": web_url(page.source_url),
        "original_url": web_url(page.original_url),
    }

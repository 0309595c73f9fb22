"""The site's privacy policy page, in the reader's language, for the action forms.

Registered with ``caseblocks.privacy`` when the app starts, so every action the
API gives carries the link its consent box shows.
"""

from wagtail.models import Page

from cms.api import tags
from cms.api.sites import request_site
from cms.conf import frontend_url
from cms.models import PrivacySettings
from cms.paths import page_path
from cms.visibility import visible_pages


def privacy_policy_link(request, language):
    """``{"title", "path", "url"}`` of the chosen page in ``language``, or None.

    The translation in ``language`` when it is public, else the page as chosen;
    nothing when neither is public. Kept in the cache, tagged with the setting,
    the site and the pages it considered (``cms.api.tags``), so an action's
    answer reads no more rows for it and the answers showing it are tagged alike.
    """
    site = request_site(request)
    if site is None:
        return None
    key = f"cms.privacy:{site.pk}:{language}"
    cached, counter = tags.lookup([key])
    found = cached.get(key)
    if found is None:
        with tags.collecting() as shown:
            tags.add(tags.SITE, tags.snippet_tag(PrivacySettings))
            found = {"page": chosen_page(site, language)}
        tags.store({key: (found, shown)}, counter)
    if found["page"] is None:
        return None
    title, path = found["page"]
    return {
        "title": title,
        "path": path,
        "url": frontend_url() + path
        if frontend_url()
        else request.build_absolute_uri(path),
    }


def chosen_page(site, language):
    """``(title, path)`` of the privacy page to link in ``language``, or None."""
    chosen_id = (
        PrivacySettings.objects.filter(site=site)
        .values_list("privacy_policy_id", flat=True)
        .first()
    )
    if chosen_id is None:
        return None
    tags.add(tags.page_tag(chosen_id))
    candidates = {
        page.locale.language_code: page
        for page in visible_pages(site=site)
        .filter(
            translation_key__in=Page.objects.filter(pk=chosen_id).values(
                "translation_key"
            )
        )
        .select_related("locale")
    }
    tags.add_pages(page.pk for page in candidates.values())
    chosen = next((p for p in candidates.values() if p.pk == chosen_id), None)
    page = candidates.get(language) or chosen
    return None if page is None else (page.title, page_path(page))


def register_privacy_policy():
    from caseblocks.privacy import register_privacy_policy as register

    register(privacy_policy_link)

"""One group of translators per content locale, limited to that locale's pages.

A member may add, edit and publish pages below the locale's home page, and use
wagtail-localize's editor there; nothing in another locale's tree.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import translation

from wagtail.models import GroupPagePermission, Locale, Page

from .operations import translate

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def group_name(language_code):
    names = dict(settings.WAGTAIL_CONTENT_LANGUAGES)
    with translation.override("en"):  # group names are stored, so keep them stable
        return f"Translators ({names[language_code]})"


def get_locale_root(locale):
    """The top page of ``locale``'s tree: the translation of the default site's root.

    Translated through wagtail-localize if the locale has none yet.
    """
    root = Page.objects.filter(depth=2, locale__language_code=settings.LANGUAGE_CODE)
    root = root.order_by("path").first()
    if root is None or root.locale_id == locale.pk:
        return root
    return root.get_translation_or_none(locale) or translate(root.specific, locale)


@transaction.atomic
def setup_translators():
    """Create the locales, groups and permissions; safe to run again.

    Returns ``{group name: locale root page}``.
    """
    admin_access = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    page_permissions = list(
        Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
        )
    )
    result = {}
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        locale, _ = Locale.objects.get_or_create(language_code=code)
        group, _ = Group.objects.get_or_create(name=group_name(code))
        group.permissions.add(admin_access)
        root = get_locale_root(locale)
        if root is not None:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission
                )
        result[group.name] = root
    return result


def translator_groups():
    """``{language code: Group}`` after ``setup_translators``: the demo's hook."""
    setup_translators()
    return {
        code: Group.objects.get(name=group_name(code))
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }

"""The dashboard's panel of translations waiting, per locale (construct_homepage_panels).

A translation is waiting while a string of its source has no translation into its
locale (a new page, or a source paragraph changed since). Each user sees only the
locales whose pages they may edit: a translator their own, an editor of the whole
tree every one.
"""

from dataclasses import dataclass, field

from django.db.models import F

from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation

from cms.dashboard import DashboardPanel

from .progress import with_progress

SHOWN_PER_LOCALE = 5


@dataclass
class LocaleQueue:
    locale: Locale
    count: int = 0
    translations: list = field(default_factory=list)  # (title, edit page or None)


def editable_locales(user):
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    return Locale.objects.filter(pk__in=pages.values("locale_id"))


def waiting_translations(user):
    """``[LocaleQueue]`` of the locales ``user`` may translate that have work waiting."""
    waiting = (
        # The progress report's count, so a page it shows as done never waits here.
        with_progress(
            Translation.objects.filter(
                enabled=True, target_locale__in=editable_locales(user)
            )
        )
        .filter(strings_translated__lt=F("strings_total"))
        .select_related("source", "target_locale")
        .order_by("target_locale__language_code", "source__object_repr", "pk")
    )
    queues = {}
    for translation in waiting:
        queue = queues.setdefault(
            translation.target_locale_id, LocaleQueue(translation.target_locale)
        )
        queue.count += 1
        if len(queue.translations) < SHOWN_PER_LOCALE:
            queue.translations.append(translation)
    shown = [t for queue in queues.values() for t in queue.translations]
    targets = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(
            translation_key__in=[t.source.object_id for t in shown],
            locale_id__in=queues.keys(),
        )
    }
    for queue in queues.values():
        queue.translations = [
            (
                t.source.object_repr,
                targets.get((t.source.object_id, t.target_locale_id)),
            )
            for t in queue.translations
        ]
    return list(queues.values())


class WaitingTranslationsPanel(DashboardPanel):
    name = "waiting_translations"
    template_name = "casebook_translation/dashboard/waiting_translations.html"
    order = 130

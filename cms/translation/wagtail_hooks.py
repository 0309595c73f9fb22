from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .dashboard import WaitingTranslationsPanel, waiting_translations
from .operations import copy_page_for_translation
from .sync import record_written
from .translators import translator_groups
from .update_view import admin_urls as sync_translated_pages_urls
from .views import TranslationProgressReportView

hooks.register("copy_page_for_translation", copy_page_for_translation)
hooks.register("translation_written", record_written)
# The demo's translator accounts join the groups that setup_translators makes.
hooks.register("translator_groups", translator_groups)
# Ahead of wagtail-localize's own URLs, so that its address reaches this view.
hooks.register("register_admin_urls", sync_translated_pages_urls, order=-1)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("", TranslationProgressReportView.as_view(), name="progress"),
        path(
            "results/",
            TranslationProgressReportView.as_view(results_only=True),
            name="progress_results",
        ),
    ]
    return [
        path(
            "reports/translation-progress/",
            include((urls, "casebook_translation"), namespace="casebook_translation"),
        )
    ]


@hooks.register("register_reports_menu_item")
def register_progress_report_menu_item():
    return MenuItem(
        _("Translation progress"),
        reverse("casebook_translation:progress"),
        icon_name="site",
        order=9010,
    )


@hooks.register("construct_homepage_panels")
def add_waiting_translations_panel(request, panels):
    queues = waiting_translations(request.user)
    if queues:
        panels.append(WaitingTranslationsPanel(queues=queues))

"""The admin report of translation progress (Reports › Translation progress)."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail_localize.models import Translation

from .progress import progress_of, with_progress


class TranslationProgressReportView(ReportView):
    page_title = _("Translation progress")
    header_icon = "site"
    index_url_name = "casebook_translation:progress"
    index_results_url_name = "casebook_translation:progress_results"
    is_searchable = True
    search_fields = ["source__object_repr"]
    columns = [
        Column("source.object_repr", label=_("Page")),
        Column("source.locale.language_code", label=_("Source locale")),
        Column("target_locale.language_code", label=_("Locale")),
        Column("progress_display", label=_("Translated")),
    ]

    def get_base_queryset(self):
        return with_progress(
            Translation.objects.filter(enabled=True)
            .select_related("source__locale", "target_locale")
            .order_by("source__object_repr", "target_locale__language_code")
        )

    def search_queryset(self, queryset):
        if self.search_query:
            queryset = queryset.filter(source__object_repr__icontains=self.search_query)
        return queryset

    def decorate_paginated_queryset(self, object_list):
        for translation in object_list:
            progress = progress_of(translation)
            translation.progress_display = (
                gettext("%(percent)d%% (%(translated)d of %(total)d strings)")
                % progress
            )
        return object_list

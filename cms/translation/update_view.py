"""wagtail-localize's "Sync translated pages" action, without its side door.

With "Publish immediately" ticked, wagtail-localize republishes every
translation of the page with every string stored for it, so anyone allowed to
submit translations could publish translators' unpublished work. Here the
option publishes what a publication of the source does: the synchronised
facts, with the rest in each translation's draft (``sync.update_translation``).
"""

from django.urls import path

from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView

from .sync import record_direct_edits, update_translation


class SyncTranslatedPagesView(UpdateTranslationsView):
    def form_valid(self, form):
        if not form.cleaned_data.get("publish_translations"):
            return super().form_valid(form)
        if not isinstance(self.object.get_source_instance(), Page):
            return super().form_valid(form)
        translations = list(
            self.object.translations.filter(enabled=True).select_related(
                "target_locale"
            )
        )
        # Before the source is read again, as a publication of the source does.
        for translation in translations:
            record_direct_edits(translation)
        form.cleaned_data["publish_translations"] = False
        response = super().form_valid(form)
        for translation in translations:
            update_translation(translation, user=self.request.user)
        return response


def admin_urls():
    """Answers wagtail-localize's own address, registered ahead of it."""
    return [
        path(
            "localize/update/<int:translation_source_id>/",
            SyncTranslatedPagesView.as_view(),
            name="casebook_update_translations",
        )
    ]

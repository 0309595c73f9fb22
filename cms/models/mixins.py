from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from cms.forms import LocalisedReferencesForm


class IndexPageMixin(models.Model):
    """A section page (countries, cases, news): one per home page, with an intro.

    Put it before ``Page`` in the bases so its panels and fields win.
    """

    teaser_summary = "intro"

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the listing.")
    )

    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [APIField("intro")]
    translated_fields = ["intro"]  # read by cms.translation

    class Meta:
        abstract = True


class SummaryMixin(models.Model):
    """A short plain-text summary for listings, teasers and search results."""

    summary = models.TextField(
        _("summary"),
        max_length=500,
        help_text=_("One or two sentences for listings and sharing."),
    )

    class Meta:
        abstract = True


class LocalisedReferencesMixin(models.Model):
    """Keep a page's links to other pages in its own language where one exists.

    A translation starts as a copy of its source, so its country or related cases
    point at the source language's pages. ``clean()`` (which Wagtail runs on every
    revision, whoever makes it) points each of ``localised_references`` at the
    translation in this page's locale, and leaves it alone when there is none.
    """

    localised_references = ()
    # Of those, the ones the editor may only choose in the page's own language.
    same_locale_references = ()
    base_form_class = LocalisedReferencesForm

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        self.localise_references()

    def localise_references(self):
        for name in self.localised_references:
            if self._meta.get_field(name).many_to_many:
                pages = list(getattr(self, name).all())
                localised = [self._in_own_locale(page) for page in pages]
                if localised != pages:
                    setattr(self, name, localised)
            elif (page := getattr(self, name)) is not None:
                setattr(self, name, self._in_own_locale(page))

    def _in_own_locale(self, page):
        if page.locale_id == self.locale_id:
            return page
        return page.get_translation_or_none(self.locale_id) or page


class TeaserMixin:
    """What a page type's teaser shows, declared once for every reader.

    The delivery API's teasers, listings and filters, and the search plugin's
    results, read these names; none of them guesses from field names. Each names
    a field of the page (or is None when the type has nothing to show there):

    - ``teaser_summary``: a plain-text field;
    - ``teaser_image``: a foreign key to an image;
    - ``teaser_countries``: a foreign key or many-to-many field to country pages,
      or ``"self"`` for a country page;
    - ``teaser_date``: the date a teaser shows and "newest first" sorts by;
    - ``teaser_status``, ``teaser_tags``: a choice field, a tag manager;
    - ``teaser_campaigns``: a many-to-many field to campaign pages.

    ``api_admin_only`` names the fields of the admin's panels that the delivery
    API leaves out on purpose, each with the reason (a test holds every other
    panel field to reaching the API).
    """

    teaser_summary = None
    teaser_image = None
    teaser_countries = None
    teaser_date = "first_published_at"
    teaser_status = None
    teaser_tags = None
    teaser_campaigns = None

    api_admin_only = {
        "show_in_menus": "Menus are the front-end's to build; the API gives the tree.",
        "go_live_at": "Scheduling: a page reaches the API only once it is live.",
        "expire_at": "Scheduling: an expired page leaves the API.",
        "comment_notifications": "Editors' own notification choice in the admin.",
    }

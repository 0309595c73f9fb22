"""The page editor's form: choosers of related pages that fit the page being edited."""

from django import forms
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext

from wagtail.admin.forms import WagtailAdminPageForm


def label_with_language(page):
    """``Azimjan Askarov (Traditional Chinese)``: the title, then the page's language."""
    return gettext("%(title)s (%(language)s)") % {
        "title": page.title,
        "language": page.locale.get_display_name(),
    }


class LocalisedReferencesForm(WagtailAdminPageForm):
    """Offer a page's ``localised_references`` in the page's own language first.

    Each candidate is labelled with its language, so a case in English and its
    Traditional Chinese translation can be told apart. A single reference named in
    ``same_locale_references`` (a case's country) offers only pages of the page's
    own language, plus the one already chosen so that saving never drops it.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        page = self.instance
        for name in page.localised_references:
            field = self.fields.get(name)
            if field is not None:
                self.fit_to_locale(name, field, page.locale_id)

    def fit_to_locale(self, name, field, locale_id):
        queryset = field.queryset.select_related("locale")
        if name in self.instance.same_locale_references:
            chosen = getattr(self.instance, f"{name}_id", None)
            queryset = queryset.filter(Q(locale_id=locale_id) | Q(pk=chosen))
        own_first = Case(
            When(locale_id=locale_id, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
        if isinstance(field, forms.ModelMultipleChoiceField):
            field.widget = forms.SelectMultiple(attrs={"size": 8})
        else:
            field.widget = forms.Select()
        field.label_from_instance = label_with_language
        # Assigning the queryset hands the choices to the new widget.
        field.queryset = queryset.annotate(own_locale_first=own_first).order_by(
            "own_locale_first", "title", "pk"
        )

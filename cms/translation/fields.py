"""Page fields: what translators get and what follows the source page.

Page models declare ``translated_fields`` and ``synchronised_fields`` as plain
names (the core never imports wagtail-localize). This module turns them into
wagtail-localize's ``override_translatable_fields`` when the app starts. Fields a
page does not name keep wagtail-localize's defaults; the ``casebook_translation``
checks report any page field that is named nowhere.
"""

from wagtail.models import Page, get_page_models
from wagtail_localize.fields import SynchronizedField, TranslatableField

# wagtail-localize offers translators the slug but fills it in itself (the
# source's, with "-1" when a sibling has it): an address, not text. So it is
# never recorded from a page and never counted in the translation progress.
MADE_BY_WAGTAIL_LOCALIZE = frozenset({"slug"})


def get_declared_fields(model):
    """Return ``(translated, synchronised)``: the names ``model`` declares."""
    return (
        tuple(getattr(model, "translated_fields", ())),
        tuple(getattr(model, "synchronised_fields", ())),
    )


def build_translatable_fields(model):
    translated, synchronised = get_declared_fields(model)
    # Not overridable: a person's name, a date or an ISO code is the same fact in
    # every language, so translators are not offered it.
    return [TranslatableField(name) for name in translated] + [
        SynchronizedField(name, overridable=False) for name in synchronised
    ]


def declare_translatable_fields():
    for model in get_page_models():
        if any(get_declared_fields(model)):
            model.override_translatable_fields = build_translatable_fields(model)


def get_own_field_names(model):
    """Names of the editable fields ``model`` adds to Wagtail's ``Page``."""
    page_fields = {field.name for field in Page._meta.get_fields()}
    names = set()
    for field in model._meta.get_fields():
        if field.name in page_fields or field.auto_created:
            continue
        if getattr(field.remote_field, "parent_link", False):
            continue
        if getattr(field, "editable", False):
            names.add(field.name)
    return names

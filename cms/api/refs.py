"""Small JSON shapes for pages that other pages point to."""

from cms.api.pagetypes import page_type_for_model
from cms.api.paths import page_path


def country_ref(country):
    if country is None:
        return None
    return {
        "id": country.pk,
        "iso": country.iso_code,
        "name": country.title,
        "path": page_path(country),
    }


def page_ref(page):
    if page is None:
        return None
    return {
        "id": page.pk,
        "type": page_type_for_model(type(page)).name,
        "title": page.title,
        "path": page_path(page),
        "locale": page.locale.language_code,
    }

"""Elasticsearch documents for pages, built from what each page type declares.

One ``Document`` class per locale: the fields every result needs (title, summary,
URL, type, facets, a search-as-you-type ``suggest`` field) plus one field for each
``SearchField``, ``FilterField`` and ``RelatedFields`` that a registered page type
declares. All page types of a locale share one index, so a field name means the
same thing on every page type that declares it.
"""

import functools

from elasticsearch.dsl import (
    Boolean,
    Date,
    Document,
    Index,
    Keyword,
    Long,
    Object,
    SearchAsYouType,
    Text,
)

from wagtail.search import index

from cms.paths import frontend_path

from .analysis import language_analyzer, suggest_analyzer
from .conf import get_setting, on_settings_changed
from .registry import field_type, own_search_fields, registry
from .values import (
    facet_values,
    filter_value,
    related_value,
    summary_of,
    text_value,
    value_getter,
)

FILTER_TYPES = {
    "DateField": Date,
    "DateTimeField": Date,
    "BooleanField": Boolean,
    "IntegerField": Long,
    "BigIntegerField": Long,
    "PositiveIntegerField": Long,
    "PositiveSmallIntegerField": Long,
    "SmallIntegerField": Long,
    "AutoField": Long,
    "BigAutoField": Long,
}
EMPTY = ([], {}, None)  # what elasticsearch.dsl leaves out of a document
BASE_FIELDS = {
    "page_id",
    "type",
    "locale",
    "url",
    "title",
    "summary",
    "suggest",
    "facets",
}


def index_alias(language_code):
    """The alias that searches and writes go through, for example ``cms-pages-en``."""
    return f"{get_setting('INDEX_PREFIX')}-pages-{language_code.lower()}"


def mapping_field(model, field, analyzer):
    """The ``elasticsearch.dsl`` field for one ``search_fields`` entry (None: none)."""
    if isinstance(field, index.SearchField):
        return Text(analyzer=analyzer)
    if isinstance(field, index.FilterField):
        return FILTER_TYPES.get(field_type(model, field), Keyword)()
    if isinstance(field, index.RelatedFields):
        related = field.get_field(model).related_model
        properties = {
            child.field_name: mapping_field(related, child, analyzer)
            for child in field.fields
            if not isinstance(child, index.AutocompleteField)
        }
        return Object(properties=properties)
    return None  # AutocompleteField: its values go into ``suggest``


def declared_fields(analyzer):
    """Fields declared by every registered page type, first declaration winning."""
    fields = {}
    for model in registry.get_models():
        for field in own_search_fields(model):
            if field.field_name in BASE_FIELDS or field.field_name in fields:
                continue
            mapped = mapping_field(model, field, analyzer)
            if mapped is not None:
                fields[field.field_name] = mapped
    return fields


@functools.cache
def _document_class(alias, language_code, icu):
    analyzer = language_analyzer(language_code, icu)
    attrs = {
        "page_id": Long(),
        "type": Keyword(),
        "locale": Keyword(),
        "url": Keyword(index=False),
        "title": Text(analyzer=analyzer, fields={"raw": Keyword()}),
        "summary": Text(analyzer=analyzer),
        "suggest": SearchAsYouType(analyzer=suggest_analyzer(icu)),
        "facets": Object(
            properties={"type": Keyword()}
            | {name: Keyword() for name in get_setting("FACETS")}
        ),
        **declared_fields(analyzer),
    }
    attrs["Index"] = type("Index", (), {"name": alias})
    return type(f"PageDocument_{language_code.replace('-', '_')}", (Document,), attrs)


def document_class(language_code, icu=False):
    """The ``Document`` class for one locale's pages."""
    return _document_class(index_alias(language_code), language_code.lower(), icu)


@on_settings_changed
def document_class_cache_clear():
    _document_class.cache_clear()


def concrete_index(language_code, name, icu=False):
    """A new concrete index (not yet created) behind the locale's alias."""
    idx = Index(name)
    idx.settings(**get_setting("INDEX_SETTINGS"))
    idx.document(document_class(language_code, icu))
    return idx


@functools.cache
def field_plan(model):
    """``(kind, name, field, get)`` for each declared field a document of ``model`` carries."""
    plan = []
    for field in own_search_fields(model):
        if field.field_name in BASE_FIELDS:
            continue
        if isinstance(field, index.RelatedFields):
            plan.append(("related", field.field_name, field, None))
            continue
        get = value_getter(model, field)
        if isinstance(field, index.AutocompleteField):
            plan.append(("suggest", field.field_name, field, get))
        elif isinstance(field, index.SearchField):
            plan.append(("text", field.field_name, field, get))
        elif isinstance(field, index.FilterField):
            plan.append(("filter", field.field_name, field, get))
    return tuple(plan)


def document_source(page, language_code=None):
    """The ``_source`` of a live, public page's document (the caller has checked both).

    The same dict that ``build_document(page).to_dict()`` gives, built without an
    intermediate ``Document`` so that bulk loads stay fast; a test holds them equal.
    """
    code = (language_code or page.locale.language_code).lower()
    title = page.title
    suggest = [title]
    source = {
        "page_id": page.pk,
        "type": page._meta.label,
        "locale": code,
        "url": page_path(page, code),
        "title": title,
        "summary": summary_of(page),
        "suggest": suggest,
        "facets": {"type": page._meta.label, **facet_values(page)},
    }
    for kind, name, field, get in field_plan(type(page)):
        if kind == "text":
            source[name] = text_value(get(page))
        elif kind == "filter":
            source[name] = filter_value(get(page))
        elif kind == "related":
            source[name] = related_value(field, page)
        else:
            value = text_value(get(page))
            if value:
                suggest.append(value)
    return {k: v for k, v in source.items() if v not in EMPTY}


def build_document(page, language_code=None):
    """The ``elasticsearch.dsl`` document for a live, public page."""
    code = (language_code or page.locale.language_code).lower()
    # Analyzers only matter when an index is created, so any locale class serialises.
    return document_class(code)(
        meta={"id": str(page.pk)}, **document_source(page, code)
    )


def page_path(page, language_code=None):
    """The page's front-end path, as the delivery API names it."""
    return frontend_path(page.url_path, language_code or page.locale.language_code)

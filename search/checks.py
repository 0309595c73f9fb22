"""System checks: ``search.W001`` field clashes, ``search.W002`` pages not indexed."""

from django.core import checks
from django.db import DatabaseError

from wagtail.search import index


@checks.register()
def check_field_clashes(app_configs=None, **kwargs):
    """Page types share one index per locale: a field name must mean one thing."""
    from .documents import mapping_field
    from .registry import own_search_fields, registry

    seen, warnings = {}, []
    for model in registry.get_models():
        for field in own_search_fields(model):
            if isinstance(field, index.AutocompleteField):
                continue
            kind = type(mapping_field(model, field, "standard")).__name__
            first = seen.setdefault(field.field_name, (model, kind))
            if first[1] != kind:
                warnings.append(
                    checks.Warning(
                        f"'{field.field_name}' is a {kind} on {model._meta.label} "
                        f"but a {first[1]} on {first[0]._meta.label}.",
                        hint="Rename one of the fields; the first declaration is indexed.",
                        obj=model,
                        id="search.W001",
                    )
                )
    return warnings


@checks.register(checks.Tags.database)
def check_indexing_failures(app_configs=None, **kwargs):
    """Runs with ``manage.py check --database default``."""
    from .models import IndexingFailure

    try:
        count = IndexingFailure.objects.count()
    except DatabaseError:
        return []  # not migrated yet
    if not count:
        return []
    return [
        checks.Warning(
            f"{count} page(s) could not be written to the search index.",
            hint="Run 'manage.py search_index --retry-failed' once Elasticsearch is up.",
            id="search.W002",
        )
    ]

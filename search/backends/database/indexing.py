"""Keeping the embedded index in step: the same lifecycle as Elasticsearch's.

The tasks in ``search.tasks`` call ``sync_page`` and ``sync_subtree`` after the
commit, with the page's ``(app_label, model_name, pk)``; both re-read the stored
page and keep it only if it is live and public, so a draft never reaches the
index. ``rebuild`` reloads one locale inside a transaction: readers see the old
rows until it commits.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page

from ...documents import field_plan
from ...pages import pages_for_locale, stored_page, visible_ids, visible_pages
from ...values import related_value, summary_of, text_value
from . import store

# Fields boosted this much or more are weighted like the title.
TITLE_BOOST = 2.0


def related_text(value):
    if isinstance(value, list):
        return " ".join(related_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(related_text(item) for item in value.values())
    return value if isinstance(value, str) else ""


def page_row(page):
    """``(page_id, language, title, body)``: the text a live, public page is found by."""
    title, body = [page.title], [summary_of(page)]
    for kind, _name, field, get in field_plan(type(page)):
        if kind == "text":
            boosted = (field.boost or 1.0) >= TITLE_BOOST
            (title if boosted else body).append(text_value(get(page)))
        elif kind == "related":
            body.append(related_text(related_value(field, page)))
    language = page.locale.language_code.lower()
    return page.pk, language, " ".join(title), " ".join(filter(None, body))


def remove_pages(page_ids):
    from ...models import PageText

    PageText.objects.filter(page_id__in=list(page_ids)).delete()


def sync_page(app_label, model_name, pk):
    """Index the stored page if it is live and public, otherwise remove it."""
    model = apps.get_model(app_label, model_name)
    page = stored_page(model, pk) if issubclass(model, Page) else None
    if page is None:
        remove_pages([pk])
        return "removed"
    store.write([page_row(page)])
    return "indexed"


def write_pages(pages, chunk=200, progress=None):
    rows, done = [], 0
    for page in pages:
        rows.append(page_row(page))
        if len(rows) >= chunk:
            store.write(rows)
            done += len(rows)
            rows = []
            if progress:
                progress(done)
    store.write(rows)
    return done + len(rows)


def sync_subtree(page_pk):
    """Re-decide a page and everything below it (after a move or a privacy change)."""
    root = Page.objects.filter(pk=page_pk).first()
    if root is None:
        return 0
    subtree = Page.objects.descendant_of(root, inclusive=True)
    visible = set(
        visible_pages().filter(pk__in=subtree.values("pk")).values_list("pk", flat=True)
    )
    remove_pages(set(subtree.values_list("pk", flat=True)) - visible)
    codes = (
        Page.objects.filter(pk__in=visible)
        .values_list("locale__language_code", flat=True)
        .distinct()
    )
    count = 0
    for code in {code.lower() for code in codes}:
        count += write_pages(
            pages_for_locale(code, visible_pages().filter(pk__in=visible))
        )
    return count


@dataclass
class RebuildResult:
    loaded: int
    caught_up: int
    removed: int


def indexed_ids(language_code):
    from ...models import PageText

    return set(
        PageText.objects.filter(language=language_code).values_list(
            "page_id", flat=True
        )
    )


def rebuild(language_code, progress=None):
    """Reload every live, public page of a locale, then catch up, in one transaction."""
    from ...models import PageText

    code = language_code.lower()
    with transaction.atomic():
        started = timezone.now()
        total = len(visible_ids(code))
        PageText.objects.filter(language=code).delete()
        report = (lambda done: progress(done, total)) if progress else None
        loaded = write_pages(pages_for_locale(code), progress=report)
        if progress:
            progress(loaded, total, final=True)
        # Published, unpublished or made private while the load ran.
        changed = visible_pages().filter(last_published_at__gte=started)
        caught_up = write_pages(pages_for_locale(code, changed))
        gone = indexed_ids(code) - visible_ids(code)
        remove_pages(gone)
    return RebuildResult(loaded, caught_up, len(gone))

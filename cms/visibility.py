"""What a visitor may read: the one definition every public answer asks.

A page is visible when it is live, has no view restriction of any kind (password,
signed-in users, groups) on itself or above it, and lies in a site's tree: below
a site's root page or one of the root's translations. A document is visible when
its collection, and every collection above it, has no view restriction.

The API's pages and links, teasers, Wagtail's API v2, search and the action forms
all ask here, and nowhere else, so a visitor is never told about a page by one of
them while another hides it. A signed-in editor, or a session that entered a page
password, is still a visitor: public answers are the same for everyone, so they
can be cached and shared.

The conditions are SQL subqueries on the page's own row, so a queryset costs no
extra query however many restrictions and sites there are.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, IntegerField, OuterRef, Q
from django.db.models.functions import Cast, Length, Substr

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
)

from cms.api import tags


def prefix_of(outer_path, path_field):
    """Whether the node at ``path_field`` is ``outer_path`` or one of its ancestors.

    Treebeard's materialised paths: an ancestor's path starts the descendant's.
    """
    return {path_field: Substr(OuterRef(outer_path), 1, Length(path_field))}


def restricted():
    """Condition on a page: it, or a page above it, has a view restriction."""
    return Exists(PageViewRestriction.objects.filter(**prefix_of("path", "page__path")))


def in_site(site=None):
    """Condition on a page: it is in ``site``'s tree (any site's without one).

    A site's tree is its root page and the root's translations (one home page per
    locale), with everything below them.
    """
    roots = Site.objects.all() if site is None else Site.objects.filter(pk=site.pk)
    return Exists(
        Page.objects.filter(
            translation_key__in=roots.values("root_page__translation_key"),
            **prefix_of("path", "path"),
        )
    )


def visible(site=None):
    """Condition on a page: a visitor may read it, in ``site`` (in any site without).

    For querysets that do not start from a page model's manager, such as a
    relation (``country.cases.filter(visible())``).
    """
    return Q(live=True) & in_site(site) & ~restricted()


def visible_pages(model=Page, site=None):
    """The pages of ``model`` a visitor may read, in ``site`` (in any site without)."""
    return model._default_manager.filter(visible(site))


def visible_ids(ids, model=Page):
    """The ids among ``ids`` of pages a visitor may read, as a set (one query).

    Every id asked about tags the cached answer being made (``cms.api.tags``):
    a page hidden today changes the answer when it is public again.
    """
    ids = [pk for pk in ids if pk is not None]
    tags.add_pages(ids)
    if not ids:
        return set()
    return set(
        visible_pages(model).filter(pk__in=ids).values_list("pk", flat=True).order_by()
    )


def is_visible(page):
    """Whether a visitor may read ``page`` as it is stored (its draft does not count)."""
    return page is not None and page.pk in visible_ids([page.pk])


def visible_or_none(page):
    """``page`` when a visitor may read it, else None: what a field pointing at it shows."""
    return page if is_visible(page) else None


def collection_restricted():
    """Condition on a document: its collection, or one above it, is restricted."""
    return Exists(
        CollectionViewRestriction.objects.filter(
            **prefix_of("collection__path", "collection__path")
        )
    )


def visible_documents():
    """The documents a visitor may download: none in a restricted collection."""
    return get_document_model().objects.exclude(collection_restricted())


def visible_images(site=None):
    """The images that the stored content of pages a visitor may read uses.

    An image uploaded for a draft or a private page is not one of them until the
    page is public. Wagtail's reference index records what each page's stored
    (live) content refers to.
    """
    model = get_image_model()
    pages = visible_pages(site=site).annotate(pk_text=Cast("pk", CharField()))
    used = (
        ReferenceIndex.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=pages.values("pk_text"),
            to_content_type=ContentType.objects.get_for_model(model),
        )
        .annotate(image_id=Cast("to_object_id", IntegerField()))
        .values("image_id")
    )
    # A subquery, not an annotation: the search backend cannot search a
    # queryset with annotations (API v2's image search).
    return model.objects.filter(pk__in=used)

"""Which pages a reader of the rendering may follow a link to: the one rule here.

Every listing, translation link, reference and rich-text link of the rendering
asks these two functions, and they ask the one rule, ``cms.visibility``, for the
request's site (``cms.api.sites.site_pages``): live, without a view restriction
on the way up, judged as a visitor, so what a signed-in editor sees in a preview
is what any visitor sees, and a cached page never names a private one.
"""

from wagtail.models import Page

from cms.api import tags


def readable_pages(request, model=Page):
    """The pages of ``model`` that a visitor may read, as a queryset to filter."""
    # Imported here: the API's modules import the page models.
    from cms.api.sites import site_pages

    return site_pages(request, model)


def readable_page_ids(request):
    """A function from page ids to the set of those a visitor may read.

    Rich-text blocks take it from the template context (``readable_page_ids``) to
    drop the target of links to anything else.
    """

    def readable(ids):
        ids = [int(pk) for pk in ids if str(pk).isdigit()]
        tags.add_pages(ids)  # followable or not: a cached rendering is tagged
        if not ids:
            return set()
        return set(
            readable_pages(request).filter(pk__in=ids).values_list("pk", flat=True)
        )

    return readable

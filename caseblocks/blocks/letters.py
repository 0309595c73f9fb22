"""The addresses of an appeal address block's letter, for its API value."""

from django.urls import NoReverseMatch, reverse


def letter_links(block, value, context):
    """``{"a4": url, "letter": url}``, or None without a letter or a place for one.

    The place is the page and the block's id in its stream, which the page's
    stream gives its children in ``context`` (``cms.blocks.PageStreamBlock``).
    """
    context = context or {}
    page, block_id = context.get("page"), context.get("block_id")
    if page is None or not block_id or not block.offers_letter(value):
        return None
    try:
        url = reverse(
            "cms_api:letter", kwargs={"page_id": page.pk, "block_id": block_id}
        )
    except NoReverseMatch:  # the delivery API is not mounted
        return None
    return {"a4": f"{url}?size=a4", "letter": f"{url}?size=letter"}

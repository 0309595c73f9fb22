"""Load public pages and their cached representations in a constant number of queries.

Each serialised page is stored with the tags collected while it was made
(``cms.api.tags``); a reused one adds its tags to the answer that reuses it.
"""

from collections import defaultdict

from cms.api import caching, tags
from cms.api.pagetypes import page_type_for_content_type
from cms.api.serialise import detail, teaser


def teasers(versions):
    """Teasers of the pages whose VERSION_FIELDS are ``versions``, in that order.

    Cached teasers are reused; the rest are read with one query per page type
    (plus its prefetches), whatever the number of pages.
    """
    keys = [caching.cache_key("teaser", v) for v in versions]
    found, counter = tags.lookup(keys)
    missing = defaultdict(list)
    for version, key in zip(versions, keys, strict=True):
        if key not in found:
            missing[version["content_type_id"]].append(version["pk"])
    made = {}
    by_pk = {v["pk"]: key for v, key in zip(versions, keys, strict=True)}
    for content_type_id, ids in missing.items():
        for page in page_type_for_content_type(content_type_id).teaser_pages(ids):
            with tags.collecting() as shown:
                made[by_pk[page.pk]] = (teaser(page), shown)
    tags.store(made, counter)
    found.update({key: value for key, (value, _shown) in made.items()})
    return [found[key] for key in keys if key in found]


def detail_json(version, public, rich_text="html"):
    """The serialised detail of one public page, from the cache when it can be."""
    kind = "detail" if rich_text == "html" else f"detail-{rich_text}"
    key = caching.cache_key(kind, version)
    found, counter = tags.lookup([key])
    body = found.get(key)
    if body is None:
        with tags.collecting() as shown:
            page_type = page_type_for_content_type(version["content_type_id"])
            (page,) = page_type.teaser_pages([version["pk"]])
            body = caching.dumps(detail(page, public, rich_text))
        tags.store({key: (body, shown)}, counter)
    return body

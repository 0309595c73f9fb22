"""Load public pages and their cached representations in a constant number of queries."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType

from cms.api import caching
from cms.api.pagetypes import page_type_for_model
from cms.api.serialise import detail, teaser


def teasers(versions):
    """Teasers of the pages whose VERSION_FIELDS are ``versions``, in that order.

    Cached teasers are reused; the rest are read with one query per page type
    (plus its prefetches), whatever the number of pages.
    """
    generation = caching.generation()
    keys = [caching.cache_key("teaser", v, generation) for v in versions]
    found = caching.get_many(keys)
    missing = defaultdict(list)
    for version, key in zip(versions, keys, strict=True):
        if key not in found:
            missing[version["content_type_id"]].append(version["pk"])
    made = {}
    by_pk = {v["pk"]: key for v, key in zip(versions, keys, strict=True)}
    for content_type_id, ids in missing.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        for page in page_type_for_model(model).teaser_pages(ids):
            made[by_pk[page.pk]] = teaser(page)
    caching.set_many(made)
    found.update(made)
    return [found[key] for key in keys if key in found]


def detail_json(version, public, rich_text="html"):
    """The serialised detail of one public page, from the cache when it can be."""
    kind = "detail" if rich_text == "html" else f"detail-{rich_text}"
    key = caching.cache_key(kind, version, caching.generation())
    body = caching.get_many([key]).get(key)
    if body is None:
        model = ContentType.objects.get_for_id(version["content_type_id"]).model_class()
        (page,) = page_type_for_model(model).teaser_pages([version["pk"]])
        body = caching.dumps(detail(page, public, rich_text))
        caching.set_many({key: body})
    return body

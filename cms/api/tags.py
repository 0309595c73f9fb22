"""Cache entries tagged with what they show, served only while every tag is current.

An entry (a whole response, a serialised page, the site of a host) is stored with
the tags of what it was made from, each with its version at the time:

- ``page:<id>`` for every page it serialises or links to, and every page whose
  visibility it asked about (``cms.visibility.visible_ids``), shown or not;
- ``type:<app.model>`` for each page type a query could list (its *set* of pages
  can change: a listing, a search, a country's latest cases);
- ``site`` for everything read through the request's site;
- ``snippet:<app.model>`` for the snippets it shows.

The tags are collected while the entry is built: ``collecting()`` opens a
context-local collector and the shared serialisation and lookup functions
``add()`` to every open one, so a new route cannot forget a page it shows. A
content change renews exactly its tags (``cms.api.subscribers``); an entry is
served only while every one of its versions is still the stored one.

Versions live in the shared cache and are fresh values (``time.ns``), never
increments: a version evicted and made again never matches an old entry. A
missing version matches nothing.

The race. A worker may read rows before a publish commits, and store what it
made from them after the change renewed its tags: labelled with the new
versions, the old content would be served until the next change. So a change
*first* renews a change counter, *then* the tags, and a worker reads the counter
with its entry lookup, before any database read (``lookup``), and again in the
same ``get_many`` as the tag versions just before storing (``store``). It stores
only if the counter has not moved. Either the change renewed the counter before
that ``get_many`` (the counter moved: nothing is stored), or after it: then the
versions read are the old ones, the entry is stored under them, and the
renewal that follows makes it stale. The change is announced after its
transaction commits, so rows read after the counter moved are the new ones.
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache

from cms.conf import get_setting

COUNTER_KEY = "cms.api:changes"
VERSION_KEY = "cms.api:tag:{tag}"
SITE = "site"
# With CASEBOOK_API["RENEW_EVERY_TAG"], every entry also carries this tag and
# every change renews it: the old generation scheme, kept to measure against.
EVERYTHING = "*"

_collectors = ContextVar("cms_api_tag_collectors", default=())


def page_tag(pk):
    return f"page:{pk}"


def type_tag(model):
    return f"type:{model._meta.label_lower}"


def snippet_tag(label):
    """``label``: ``"app.Model"`` as the content event names it, or a model."""
    if not isinstance(label, str):
        label = label._meta.label
    return f"snippet:{label.lower()}"


def add(*tags):
    """Record ``tags`` in every open collector (none open: nothing to do)."""
    for collected in _collectors.get():
        collected.update(tags)
        collected.discard(EVERYTHING)


def add_pages(pks):
    add(*(page_tag(pk) for pk in pks if pk is not None))


def add_types(models):
    add(*(type_tag(model) for model in models))


@contextmanager
def collecting():
    """Collect the tags added while the block runs, into the set it yields."""
    collected = set()
    token = _collectors.set((*_collectors.get(), collected))
    try:
        yield collected
    finally:
        _collectors.reset(token)


def renews_everything():
    return bool(get_setting("RENEW_EVERY_TAG"))


def version_keys(tags):
    return [VERSION_KEY.format(tag=tag) for tag in tags]


def mark():
    """The change counter, read before any database read of an entry to store."""
    return cache.get(COUNTER_KEY) or _start_counter()


def _start_counter():
    cache.add(COUNTER_KEY, time.time_ns(), None)
    return cache.get(COUNTER_KEY)


def current(versions, found):
    """Whether every ``{tag: version}`` of an entry is still the stored one.

    ``found``: a ``get_many`` answer holding the versions' keys.
    """
    return all(
        version is not None and found.get(VERSION_KEY.format(tag=tag)) == version
        for tag, version in versions.items()
    )


def lookup(keys):
    """``({key: value}, counter)`` of the entries under ``keys`` whose tags are
    current; ``counter`` is the change counter to ``store`` what is made instead.

    Two ``get_many``: the entries with the change counter, then their tags'
    versions. The tags of each entry served are added to the open collectors.
    """
    found = cache.get_many([COUNTER_KEY, *keys]) if keys else {}
    counter = found.pop(COUNTER_KEY, None) or _start_counter()
    if not found:
        return {}, counter
    wanted = {tag for _value, versions in found.values() for tag in versions}
    stored = cache.get_many(version_keys(wanted))
    reused = {}
    for key, (value, versions) in found.items():
        if current(versions, stored):
            reused[key] = value
            # What a reused entry shows, the answer reusing it shows too.
            add(*versions)
    return reused, counter


def versions_for(tags, counter):
    """``{tag: version}`` of ``tags`` to store an entry under, or None when a
    change began since ``counter`` was read (the entry may hold old rows)."""
    tags = set(tags)
    if renews_everything():
        tags.add(EVERYTHING)
    keys = version_keys(tags)
    found = cache.get_many([COUNTER_KEY, *keys])
    missing = [key for key in keys if key not in found]
    if missing:
        for key in missing:
            cache.add(key, time.time_ns(), None)
        # Read again, with the counter: a change may have set them meanwhile.
        found = cache.get_many([COUNTER_KEY, *keys])
    if found.get(COUNTER_KEY) != counter:
        return None
    versions = {tag: found.get(key) for tag, key in zip(tags, keys, strict=True)}
    if None in versions.values():
        return None
    return versions


def store(entries, counter, timeout=None):
    """Store ``{key: (value, tags)}``, unless a change began since ``counter``."""
    if not entries:
        return
    every = set().union(*(tags for _value, tags in entries.values()))
    versions = versions_for(every, counter)
    if versions is None:
        return
    cache.set_many(
        {
            key: (value, {tag: versions[tag] for tag in (*tags, *extra())})
            for key, (value, tags) in entries.items()
        },
        get_setting("CACHE_TIMEOUT") if timeout is None else timeout,
    )


def extra():
    return (EVERYTHING,) if renews_everything() else ()


def renew(tags):
    """Make stale every entry tagged with one of ``tags``: the counter first."""
    cache.set(COUNTER_KEY, time.time_ns(), None)
    tags = set(tags)
    if renews_everything():
        tags.add(EVERYTHING)
    now = time.time_ns()
    cache.set_many(dict.fromkeys(version_keys(tags), now), None)

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
renews a change counter with the tags (in one ``MSET`` on Redis, which no read
sees half done; elsewhere the counter *first*, and again last), and a worker
reads the counter with its entry lookup, before any database read (``lookup``),
and again in the same ``get_many`` as the tag versions just before storing
(``store``). It stores only if the counter has not moved. Either the change
renewed the counter before that ``get_many`` (the counter moved: nothing is
stored), or after it: then the versions read are the old ones, the entry is
stored under them, and the renewal makes it stale. The change is announced
after its transaction commits, so rows read after the counter moved are the
new ones. The transaction making the change reads around the cache until then
(``changing``): the tags it shows are renewed only after the commit, and what
it makes must not outlive a rollback.

One read per hit. Each process remembers the versions it read, with the counter
read in the same ``get_many`` (``KnownVersions``). A renewal writes its tags and
a fresh counter in one ``set_many`` (a single ``MSET`` on Redis; on a cache that
writes key by key, the counter is written last and read first), so while the
counter still reads the value they were read with, none of those versions has
been renewed since: an entry whose versions all equal remembered ones is
current, and serving it takes only the ``get_many`` that found it with the
counter. Anything not remembered, or different, is read from the cache as
before. A version evicted from the cache does not move the counter, but nothing
changed either: the content is still the content.
"""

import secrets
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.redis import RedisCache

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
    cache.add(COUNTER_KEY, fresh_counter(), None)
    return cache.get(COUNTER_KEY)


def current(versions, found):
    """Whether every ``{tag: version}`` of an entry is still the stored one.

    ``found``: a ``get_many`` answer holding the versions' keys.
    """
    return all(
        version is not None and found.get(VERSION_KEY.format(tag=tag)) == version
        for tag, version in versions.items()
    )


class KnownVersions:
    """The tag versions this process read, trusted while the counter stands still.

    The counter and its versions are one tuple, swapped whole, so a thread never
    pairs one counter with another's versions. Bounded: past ``LIMIT`` tags it
    starts again, as it does when the counter moves.
    """

    LIMIT = 100_000

    def __init__(self):
        self.clear()

    def vouch(self, counter, versions):
        """Whether ``{tag: version}`` is current, known without reading the cache."""
        known_counter, known = self.state
        return counter == known_counter and all(
            known.get(tag) == version for tag, version in versions.items()
        )

    def learn(self, tags, found):
        """Remember the versions of ``tags`` in ``found``, a ``get_many`` answer
        that holds the counter read with them."""
        counter = found.get(COUNTER_KEY)
        if counter is None:
            return
        known_counter, known = self.state
        if counter != known_counter or len(known) > self.LIMIT:
            known = {}
            self.state = (counter, known)
        for tag in tags:
            version = found.get(VERSION_KEY.format(tag=tag))
            if version is not None:
                known[tag] = version

    def clear(self):
        self.state = (None, {})


known = KnownVersions()


def changing():
    """Whether this connection's transaction holds a content change not yet
    committed: then nothing is served from the shared cache, nor stored in it.

    Its reads see the change, the cache does not yet (its tags are renewed after
    the commit); and what they make must not outlive a rollback.
    """
    # Imported here: blocks import this module while the models load.
    from cms.lifecycle import uncommitted

    return uncommitted()


def read_current(counter, entries, *extra_keys):
    """``(current, found)``: which of ``{key: versions}`` are current, and the
    ``get_many`` answer for ``extra_keys`` (read along, when a read is needed).

    ``counter``: the change counter read with the entries. Versions this process
    knows at that counter need no read; the others are read with the counter,
    and remembered.
    """
    if changing():
        return set(), {}
    unsure = {
        key: versions
        for key, versions in entries.items()
        if not known.vouch(counter, versions)
    }
    if not unsure and not extra_keys:
        return set(entries), {}
    wanted = {tag for versions in unsure.values() for tag in versions}
    found = cache.get_many([COUNTER_KEY, *version_keys(wanted), *extra_keys])
    known.learn(wanted, found)
    return {
        key for key in entries if key not in unsure or current(unsure[key], found)
    }, found


def lookup(keys):
    """``({key: value}, counter)`` of the entries under ``keys`` whose tags are
    current; ``counter`` is the change counter to ``store`` what is made instead.

    One ``get_many`` for the entries with the change counter, and another for
    their tags' versions unless this process knows them (``KnownVersions``).
    The tags of each entry served are added to the open collectors.
    """
    found = cache.get_many([COUNTER_KEY, *keys]) if keys else {}
    counter = found.pop(COUNTER_KEY, None) or _start_counter()
    if not found:
        return {}, counter
    fresh, _found = read_current(
        counter, {key: versions for key, (_value, versions) in found.items()}
    )
    reused = {}
    for key in fresh:
        value, versions = found[key]
        reused[key] = value
        # What a reused entry shows, the answer reusing it shows too.
        add(*versions)
    return reused, counter


def versions_for(tags, counter):
    """``{tag: version}`` of ``tags`` to store an entry under, or None when a
    change began since ``counter`` was read (the entry may hold old rows).

    Tags with no version yet get fresh ones in one ``set_many``. Writing over a
    version another worker set meanwhile only makes its entries stale: a fresh
    value matches nothing stored before.
    """
    if changing():
        return None
    tags = set(tags)
    if renews_everything():
        tags.add(EVERYTHING)
    keys = version_keys(tags)
    found = cache.get_many([COUNTER_KEY, *keys])
    missing = [key for key in keys if key not in found]
    if missing:
        cache.set_many(dict.fromkeys(missing, time.time_ns()), None)
        # Read again, with the counter: a change may have set them meanwhile.
        found = cache.get_many([COUNTER_KEY, *keys])
    if found.get(COUNTER_KEY) != counter:
        return None
    known.learn(tags, found)
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
    """Make stale every entry tagged with one of ``tags``, and move the counter.

    The counter moves with the tags, in the same ``set_many`` and written last,
    so that no process goes on trusting the versions it knew (``KnownVersions``)
    and nothing read before the renewal is stored under the new versions
    (``versions_for``). On Redis that ``set_many`` is one ``MSET``, which no
    read sees half done: one round trip. A cache that writes key by key could
    show a new tag beside the old counter, to a worker about to store rows it
    read before the change; so there the counter moves first as well.

    With a watch on the counter, the renewal returns once this process has
    heard of it, so that no answer it keeps in memory outlives it here.
    """
    if not writes_at_once():
        cache.set(COUNTER_KEY, fresh_counter(), None)
    watch = counter_watch()
    before = watch.mark() if watch is not None else None
    tags = set(tags)
    if renews_everything():
        tags.add(EVERYTHING)
    renewed = dict.fromkeys(version_keys(tags), time.time_ns())
    # Last: a cache that writes key by key has written every tag once it shows.
    renewed[COUNTER_KEY] = fresh_counter()
    cache.set_many(renewed, None)
    if watch is not None:
        # This process's answers kept in memory (cms.api.responses) are dropped
        # before the renewal returns; other processes hear of it as Redis writes it.
        watch.wait_past(before)


def counter_watch():
    """This process's ``cms.cache.KeyWatch`` on the change counter, or None when
    the cache cannot watch a key (``cms.api.responses.LocalAnswers``)."""
    watch = getattr(cache, "watch", None)
    return watch(COUNTER_KEY) if watch is not None else None


def writes_at_once():
    """Whether a ``set_many`` of the cache is seen whole or not at all."""
    return isinstance(caches[DEFAULT_CACHE_ALIAS], RedisCache)


def fresh_counter():
    """A counter value never seen before, whichever process makes it."""
    return secrets.randbits(63)

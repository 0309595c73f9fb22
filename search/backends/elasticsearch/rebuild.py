"""Rebuilding a locale's index without a moment where search is empty or stale.

1. create a new concrete index ``<alias>-<timestamp>``;
2. bulk-load every live, public page of the locale into it;
3. catch up: re-index pages published since step 1 and drop pages that have
   since been unpublished, deleted or made private;
4. swap the alias in one ``update_aliases`` call (remove old + add new), so
   readers see either the old index or the new one, never neither;
5. delete the old index, then catch up once more through the alias for anything
   that was written to the old index between steps 3 and 4.

If the cluster fails before step 4, the alias is left as it was and the new
index is deleted (or named, when the cluster cannot be asked to delete it).
"""

from contextlib import closing
from dataclasses import dataclass, field

from elastic_transport import TransportError
from elasticsearch import ApiError, NotFoundError
from elasticsearch.helpers import BulkIndexError, bulk, scan, streaming_bulk

from django.utils import timezone

from ...conf import get_setting
from ...documents import index_alias
from ...pages import pages_for_locale, visible_ids, visible_pages
from ...tasks import describe
from .indexing import create_index, index_actions, new_index_name

# Unreachable cluster, timeouts, error statuses, refused bulk items.
CLUSTER_ERRORS = (TransportError, ApiError, BulkIndexError)


class RebuildFailed(Exception):
    """The cluster failed during a rebuild; the message says what was left behind."""


def indices_behind(client, alias):
    """Concrete indices the alias points to now, and whether ``alias`` is itself an index."""
    try:
        return sorted(client.indices.get_alias(name=alias)), False
    except NotFoundError:
        return [], bool(client.indices.exists(index=alias))


@dataclass
class RebuildResult:
    language_code: str
    index: str
    loaded: int = 0
    caught_up: int = 0
    removed: int = 0
    replaced: list = field(default_factory=list)


class Rebuilder:
    """Rebuilds one locale's index, calling ``progress(done, total, final=False)``."""

    def __init__(self, client, language_code, progress=None):
        self.client = client
        self.language_code = language_code.lower()
        self.alias = index_alias(self.language_code)
        self.progress = progress or (lambda done, total, final=False: None)
        self.swapping = False

    def run(self):
        started = timezone.now()
        result = RebuildResult(self.language_code, new_index_name(self.language_code))
        try:
            create_index(self.client, self.language_code, result.index)
            result.loaded = self.load(result.index)
            swap_from = timezone.now()
            self.catch_up(result, result.index, started)
            self.client.indices.refresh(index=result.index)
            old = self.swap(result)
        except CLUSTER_ERRORS as error:
            raise RebuildFailed(
                f"The rebuild of {self.alias} stopped before the swap "
                f"({describe(error)}). {self.discard(result.index)}"
            ) from error
        try:
            self.finish(result, old, swap_from)
        except CLUSTER_ERRORS as error:
            raise RebuildFailed(
                f"{self.alias} now points at {result.index}, but finishing failed "
                f"({describe(error)}): run --check once the cluster answers."
            ) from error
        return result

    def discard(self, index):
        """Delete the unfinished ``index`` unless the alias is on it; say what became of it."""
        try:
            if index in indices_behind(self.client, self.alias)[0]:
                # The swap reached the cluster; only its answer was lost.
                return f"{self.alias} points at {index} after all: run --check."
            self.client.indices.delete(index=index, ignore_unavailable=True)
        except CLUSTER_ERRORS:
            if self.swapping:
                return (
                    f"Whether {self.alias} moved to {index} is unknown: run --check "
                    f"once the cluster answers, and delete {index} if it did not."
                )
            return (
                f"{self.alias} is unchanged; the unfinished index {index} is left "
                "behind: delete it once the cluster answers."
            )
        return (
            f"{self.alias} is unchanged and the unfinished index {index} was deleted."
        )

    def finish(self, result, old, swap_from):
        """Delete the indexes the alias left, then catch up through the alias."""
        if old:
            self.client.indices.delete(index=",".join(old))
        self.catch_up(result, self.alias, swap_from)

    def load(self, index_name):
        total = len(visible_ids(self.language_code))
        done = 0
        self.progress(done, total)
        chunk_size = get_setting("BULK_CHUNK_SIZE")
        # Closed at once if the cluster fails: the pages come from a database
        # cursor (server-side on PostgreSQL), which must not outlive the load.
        with closing(pages_for_locale(self.language_code)) as pages:
            actions = index_actions(pages, self.language_code, index_name)
            for ok, _ in streaming_bulk(self.client, actions, chunk_size=chunk_size):
                done += ok
                if done % 100 == 0:
                    self.progress(done, total)
        self.progress(done, total, final=True)
        return done

    def catch_up(self, result, target, since):
        """Bring ``target`` in step with the pages changed since ``since``."""
        changed = visible_pages().filter(last_published_at__gte=since)
        with closing(pages_for_locale(self.language_code, changed)) as pages:
            ok, _ = bulk(self.client, index_actions(pages, self.language_code, target))
        result.caught_up += ok

        indexed = {
            int(hit["_id"])
            for hit in scan(self.client, index=target, query={"_source": False})
        }
        gone = indexed - visible_ids(self.language_code)
        if gone:
            deletes = (
                {"_op_type": "delete", "_index": target, "_id": str(pk)} for pk in gone
            )
            removed, _ = bulk(self.client, deletes, raise_on_error=False)
            result.removed += removed

    def swap(self, result):
        """Point the alias at the new index alone; return the indexes it left."""
        new_index = result.index
        old, alias_is_index = indices_behind(self.client, self.alias)
        actions = [{"remove": {"index": name, "alias": self.alias}} for name in old]
        if alias_is_index:
            # An index that took the alias's name (a write before any rebuild).
            actions.append({"remove_index": {"index": self.alias}})
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self.swapping = True
        self.client.indices.update_aliases(actions=actions)
        result.replaced = old + ([self.alias] if alias_is_index else [])
        return old

"""Storing a submission as received, and counting it once it is confirmed.

The submission route only stores what it received (one ``INSERT``, one
commit) and answers; whether the supporter counts is decided later, out of
sight of whoever posted it (``confirmation.process``): on confirmation, or at
once for an action that does not ask for it.
"""

import functools
import random
from datetime import timedelta

from django.core.cache import cache
from django.db import IntegrityError, connections, router, transaction
from django.db.backends.postgresql import psycopg_any
from django.db.models import Count, F

from caseblocks.blocks.actions import ActionKind
from caseblocks.conf import get_setting
from caseblocks.models import ActionCounter, Submission, SubmissionState

from .delivery import compose_messages
from .identity import email_fingerprint
from .placement import cache_key

# States from which a submission may still come to count.
WAITING = (SubmissionState.RECEIVED, SubmissionState.PENDING)
COUNT_SNAPSHOT_PREFIX = "caseblocks:count-snapshot:"


def receive_submission(placement, data, now, *, dropped=False):
    """Store valid ``data`` for ``placement`` as received.

    ``dropped`` (a robot caught by the honeypot, an address over its limit)
    stores the same row without the personal data, for the task to remove: the
    request does the same work, and answers the same, either way.
    """
    personal = {"name": "", "email": "", "message": ""}
    if not dropped:
        personal = {key: data[key] for key in personal}
    insert_submission(
        router.db_for_write(Submission),
        action_id=placement.action_id,
        page_id=placement.page_id,
        language=placement.language,
        country=data["country"],
        consent_text=placement.value["consent_text"],
        consented_at=now,
        newsletter=data["newsletter"],
        fingerprint=email_fingerprint(data["email"]),
        created_at=now,
        state=SubmissionState.DROPPED if dropped else SubmissionState.RECEIVED,
        is_first=False,
        rank=0,
        **personal,
    )


def insert_submission(using, **values):
    """``INSERT`` one submission row of ``values`` (by attribute name), in autocommit.

    What ``Submission.objects.create`` sends, without what it costs on every
    request: it builds a model instance, sends its signals (nothing listens) and
    compiles the same statement anew, which measured most of the Python time of
    an accepted submission. The statement is written once per database; each
    value is still prepared by its field, and a field left out gets its default.
    """
    connection = connections[using]
    fields = insert_fields()
    params = [
        field.get_db_prep_save(
            values.pop(field.attname)
            if field.attname in values
            else field.get_default(),
            connection,
        )
        for field in fields
    ]
    if values:
        raise TypeError(f"Submission has no fields {sorted(values)}.")
    with server_binding_cursor(connection) as cursor:
        cursor.execute(insert_statement(connection.vendor, using), params)


def server_binding_cursor(connection):
    """A cursor of ``connection`` that sends the values apart from the statement.

    Django binds values into the SQL text on PostgreSQL (psycopg's
    ``ClientCursor``), quoting each one in Python on every request; psycopg's
    own cursor leaves that to the server, which takes them typed. Elsewhere, and
    with psycopg 2, the connection's usual cursor. Either way Django's wrapper,
    so the statement is logged and counted like any other.
    """
    if connection.vendor != "postgresql" or not psycopg_any.is_psycopg3:
        return connection.cursor()
    from django.db.backends.postgresql.base import ServerBindingCursor

    connection.ensure_connection()
    connection.validate_thread_sharing()
    cursor = ServerBindingCursor(connection.connection)
    if connection.queries_logged:
        return connection.make_debug_cursor(cursor)
    return connection.make_cursor(cursor)


@functools.cache
def insert_fields():
    """Every column but the key. A field whose value ``save()`` would make
    (``auto_now``) has no place in this statement: refused, not silently empty."""
    fields = [
        field for field in Submission._meta.concrete_fields if not field.primary_key
    ]
    made_on_save = [
        field.name
        for field in fields
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
    ]
    if made_on_save:
        raise TypeError(f"Submission fields set on save: {made_on_save}.")
    return fields


@functools.cache
def insert_statement(vendor, using):
    """The ``INSERT`` of every column but the key, for the database ``using``."""
    quote = connections[using].ops.quote_name
    columns = ", ".join(quote(field.column) for field in insert_fields())
    placeholders = ", ".join(["%s"] * len(insert_fields()))
    table = quote(Submission._meta.db_table)
    # Names from the model, values as parameters.
    return f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608


def has_taken_part(submission):
    """Whether the supporter of ``submission`` already has a confirmed first one."""
    return Submission.objects.filter(
        action_id=submission.action_id,
        fingerprint=submission.fingerprint,
        is_first=True,
    ).exists()


def count_confirmed(submission_id, placement, now):
    """Make a waiting submission count; return it, or None if it was not waiting.

    The supporter's first confirmed submission counts one more supporter and,
    for an e-mail action, queues one message per target (``queued`` on the
    returned submission); a later one is kept as a repeat with its rank and
    counts only as a submission. One transaction holds the state change, the
    messages and the counter, so the count is exact, and the row lock makes a
    link work once however many requests race.
    """
    using = router.db_for_write(Submission)
    with transaction.atomic(using=using):
        submission = (
            Submission.objects.using(using)
            .select_for_update()
            .filter(pk=submission_id, state__in=WAITING)
            .first()
        )
        if submission is None:
            return None
        submission.state = SubmissionState.CONFIRMED
        submission.confirmed_at = now
        submission.token_hash = ""
        fields = ["state", "confirmed_at", "token_hash", "is_first", "rank"]
        submission.is_first, submission.rank = True, 1
        try:
            # The unique constraint on first submissions decides who came first.
            with transaction.atomic(using=using):
                submission.save(update_fields=fields, using=using)
        except IntegrityError:
            earlier = Submission.objects.filter(
                action_id=submission.action_id,
                fingerprint=submission.fingerprint,
                state=SubmissionState.CONFIRMED,
            ).count()
            submission.is_first, submission.rank = False, earlier + 1
            submission.save(update_fields=fields, using=using)
        submission.queued = []
        if submission.is_first and placement.value["kind"] == ActionKind.EMAIL:
            submission.queued = compose_messages(submission, placement, now)
            for message in submission.queued:
                message.submission = submission
            type(submission.queued[0]).objects.using(using).bulk_create(
                submission.queued
            )
        # Last before the commit: the counter row's lock is held until then.
        shard = random.randrange(ActionCounter.SHARDS)  # noqa: S311 (spreads locks only)
        count_submission(submission.action_id, shard, submission.is_first, using)
    return submission


def count_submission(action_id, shard, is_first, using):
    """Add one submission, and one supporter if first, to one shard of the counter."""
    add_to_counter(
        action_id,
        shard,
        using,
        supporters=F("supporters") + int(is_first),
        submissions=F("submissions") + 1,
    )


def purge_expired(now):
    """Delete the submissions never confirmed in time, with their data.

    Each action's counter keeps how many expired. Also removes received rows
    that no task decided in as long (a backend that lost them). Return how many.
    """
    using = router.db_for_write(Submission)
    expired = Submission.objects.using(using).filter(
        state=SubmissionState.PENDING, expires_at__lte=now
    )
    stale = Submission.objects.using(using).filter(
        state__in=(SubmissionState.RECEIVED, SubmissionState.DROPPED),
        created_at__lte=now - timedelta(hours=get_setting("CONFIRMATION_HOURS")),
    )
    with transaction.atomic(using=using):
        per_action = list(
            expired.values("action_id").annotate(n=Count("pk")).order_by()
        )
        for row in per_action:
            add_to_counter(row["action_id"], 0, using, expired=F("expired") + row["n"])
        total = sum(row["n"] for row in per_action)
        expired.delete()
        stale.delete()
    return total


def add_to_counter(action_id, shard, using, **increments):
    counter = ActionCounter.objects.using(using).filter(
        action_id=action_id, shard=shard
    )
    if not counter.update(**increments):
        # A shard's first submission: get_or_create survives a race for the row.
        ActionCounter.objects.using(using).get_or_create(
            action_id=action_id, shard=shard
        )
        counter.update(**increments)


def supporter_count(action_id):
    """The exact number of supporters, summed from the counter's shards."""
    return ActionCounter.objects.totals(action_id)["supporters"]


def public_count(placement):
    """The number of supporters the public may see.

    With confirmation only the owner of an address can make the count move, so
    it is exact. Without it anyone could post an address and watch the count to
    learn whether it had taken part: the public then sees a snapshot taken at
    most every ``COUNT_REFRESH`` seconds.
    """
    if placement.confirm_by_email:
        return supporter_count(placement.action_id)
    key = COUNT_SNAPSHOT_PREFIX + cache_key(placement.action_id)
    count = cache.get(key)
    if count is None:
        count = supporter_count(placement.action_id)
        cache.set(key, count, get_setting("COUNT_REFRESH"))
    return count

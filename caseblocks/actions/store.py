"""Storing a submission: first or repeat, the counter, and the messages to targets."""

import random

from django.db import connections, router, transaction
from django.db.models import F
from django.db.models.constants import OnConflict
from django.db.models.sql import InsertQuery
from django.utils import timezone

from caseblocks.blocks.actions import ActionKind
from caseblocks.models import ActionCounter, Submission

from . import one_statement
from .delivery import compose_messages
from .identity import email_fingerprint


def store_submission(placement, data, now=None):
    """Store one submission of valid ``data`` for ``placement``; return it.

    The first submission of a supporter (by e-mail fingerprint) counts and, for
    an e-mail action, queues one message per target; a repeat is stored with its
    rank and does neither. Both happen in one transaction with the counter
    update, so the count is exact however many requests race. On PostgreSQL the
    whole of it is one statement (see ``one_statement``).
    """
    now = now or timezone.now()
    submission = Submission(
        action_id=placement.action_id,
        page_id=placement.page_id,
        language=placement.language,
        name=data["name"],
        email=data["email"],
        country=data["country"],
        message=data["message"],
        consent_text=placement.value["consent_text"],
        consented_at=now,
        newsletter=data["newsletter"],
        fingerprint=email_fingerprint(data["email"]),
        created_at=now,
        is_first=True,
    )
    messages = []
    if placement.value["kind"] == ActionKind.EMAIL:
        messages = compose_messages(submission, placement, now)
    shard = random.randrange(ActionCounter.SHARDS)  # noqa: S311 (spreads locks only)
    using = router.db_for_write(Submission)
    if connections[using].vendor == "postgresql":
        one_statement.store(submission, messages, shard, now, using)
    else:
        store_in_steps(submission, messages, shard, using)
    submission.queued = messages if submission.is_first else []
    return submission


def store_in_steps(submission, messages, shard, using):
    """The same as ``one_statement.store``, in a transaction of several statements."""
    with transaction.atomic(using=using):
        # The unique constraint on first submissions decides who came first: a
        # loser of the race inserts nothing and is stored as a repeat.
        if not insert_unless_taken(submission, using):
            earlier = Submission.objects.filter(
                action_id=submission.action_id, fingerprint=submission.fingerprint
            ).count()
            submission.is_first, submission.rank = False, earlier + 1
            submission.save(force_insert=True, using=using)
        if submission.is_first and messages:
            for message in messages:
                message.submission = submission
            type(messages[0]).objects.using(using).bulk_create(messages)
        # Last before the commit: every submission updates one counter row, and
        # its lock is held until the commit.
        count_submission(submission.action_id, shard, submission.is_first, using)


def insert_unless_taken(instance, using):
    """``INSERT ... ON CONFLICT DO NOTHING RETURNING id`` of a new ``instance``.

    Return True and set its primary key if the row went in, False if a unique
    constraint kept it out. One statement and no savepoint, where ``create()``
    inside ``atomic()`` would take three round trips to learn the same. Built
    with Django's own insert compiler, so each backend gets its own syntax
    (PostgreSQL ``ON CONFLICT DO NOTHING``, SQLite ``INSERT OR IGNORE``; both
    return no row when the insert is skipped).
    """
    meta = type(instance)._meta
    query = InsertQuery(type(instance), on_conflict=OnConflict.IGNORE)
    query.insert_values(insert_fields(instance), [instance])
    compiler = query.get_compiler(using=using)
    compiler.returning_fields = [meta.pk]
    [(sql, params)] = compiler.as_sql()
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return False
    instance.pk = row[0]
    instance._state.adding, instance._state.db = False, using
    return True


def insert_fields(instance):
    """The fields an insert of ``instance`` writes: all stored ones but an unset pk."""
    meta = instance._meta
    return [
        field
        for field in meta.concrete_fields
        if not field.generated and (field is not meta.pk or instance.pk)
    ]


def count_submission(action_id, shard, is_first, using):
    """Add one submission, and one supporter if first, to one shard of the counter."""
    counter = ActionCounter.objects.using(using).filter(
        action_id=action_id, shard=shard
    )
    increments = {
        "supporters": F("supporters") + int(is_first),
        "submissions": F("submissions") + 1,
    }
    if not counter.update(**increments):
        # A shard's first submission: get_or_create survives a race for the row.
        ActionCounter.objects.using(using).get_or_create(
            action_id=action_id, shard=shard
        )
        counter.update(**increments)


def supporter_count(action_id):
    """The exact number of supporters, summed from the counter's shards."""
    return ActionCounter.objects.totals(action_id)["supporters"]

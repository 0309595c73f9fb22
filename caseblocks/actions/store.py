"""Storing a submission: first or repeat, the counter, and the messages to targets."""

from django.db import connections, router, transaction
from django.db.models import F
from django.db.models.constants import OnConflict
from django.db.models.sql import InsertQuery
from django.utils import timezone

from caseblocks.blocks.actions import ActionKind
from caseblocks.models import ActionCounter, Submission

from .delivery import compose_messages
from .identity import email_fingerprint


def store_submission(placement, data, now=None):
    """Store one submission of valid ``data`` for ``placement``; return it.

    The first submission of a supporter (by e-mail fingerprint) counts and, for
    an e-mail action, queues one message per target; a repeat is stored with its
    rank and does neither. Both happen in one transaction with the counter
    update, so the count is exact however many requests race.
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
    with transaction.atomic():
        # The unique constraint on first submissions decides who came first: a
        # loser of the race inserts nothing and is stored as a repeat.
        if not insert_unless_taken(submission):
            earlier = Submission.objects.filter(
                action_id=placement.action_id, fingerprint=submission.fingerprint
            ).count()
            submission.is_first, submission.rank = False, earlier + 1
            submission.save(force_insert=True)
        if submission.is_first and placement.value["kind"] == ActionKind.EMAIL:
            submission.queued = compose_messages(submission, placement)
        else:
            submission.queued = []
        # Last before the commit: every submission updates this one row, and its
        # lock is held until the commit.
        count_submission(placement.action_id, submission.is_first)
    return submission


def insert_unless_taken(instance):
    """``INSERT ... ON CONFLICT DO NOTHING RETURNING id`` of a new ``instance``.

    Return True and set its primary key if the row went in, False if a unique
    constraint kept it out. One statement and no savepoint, where ``create()``
    inside ``atomic()`` would take three round trips to learn the same. Built
    with Django's own insert compiler, so each backend gets its own syntax
    (PostgreSQL ``ON CONFLICT DO NOTHING``, SQLite ``INSERT OR IGNORE``; both
    return no row when the insert is skipped).
    """
    model = type(instance)
    meta = model._meta
    using = router.db_for_write(model, instance=instance)
    fields = [field for field in meta.concrete_fields if not field.generated]
    fields = [field for field in fields if field is not meta.pk or instance.pk]
    query = InsertQuery(model, on_conflict=OnConflict.IGNORE)
    query.insert_values(fields, [instance])
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


def count_submission(action_id, is_first):
    """Add one submission, and one supporter if first, to the action's counter row.

    Publishing makes the row, so this is one ``UPDATE ... SET n = n + 1``.
    """
    counter = ActionCounter.objects.filter(action_id=action_id)
    increments = {
        "supporters": F("supporters") + int(is_first),
        "submissions": F("submissions") + 1,
    }
    if not counter.update(**increments):
        # A row lost or never made (pages placed before counters were made on
        # publish): get_or_create survives a race for it.
        ActionCounter.objects.get_or_create(action_id=action_id)
        counter.update(**increments)


def supporter_count(action_id):
    """The exact number of supporters, read from the counter row."""
    return (
        ActionCounter.objects.filter(action_id=action_id)
        .values_list("supporters", flat=True)
        .first()
        or 0
    )

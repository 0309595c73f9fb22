"""PostgreSQL: a submission, its messages and its count in a single statement.

A first submission is one ``WITH ... INSERT`` that inserts the submission unless
the supporter already has a first one, then, only if it went in, its messages
and one more supporter on a shard of the counter. A single statement is its own
transaction: the rows and the count commit together or not at all, in one round
trip to the server. A repeat takes a second statement that stores it with its
rank and counts one more submission.

The statements are written from the models' own fields, so a new column is
stored without touching this module.
"""

from functools import cache

from django.db import connections

from caseblocks.models import ActionCounter, OutgoingMessage, Submission


def store(submission, messages, shard, now, using):
    """Store ``submission`` (and ``messages`` if it is the first); set its pk."""
    with connections[using].cursor() as cursor:
        cursor.execute(*first_submission(submission, messages, shard, now, using))
        row = cursor.fetchone()
        if row is not None:
            submission.pk = row[0]
            return
        submission.is_first = False
        cursor.execute(*repeat(submission, shard, now, using))
        submission.pk, submission.rank = cursor.fetchone()


def first_submission(submission, messages, shard, now, using):
    connection = connections[using]
    quote = connection.ops.quote_name
    columns, values, params = row_of(submission, using)
    parts = [
        f"new AS (INSERT INTO {quote(Submission._meta.db_table)} ({columns}) "
        f"VALUES ({values}) ON CONFLICT DO NOTHING RETURNING {quote('id')})"
    ]
    if messages:
        selects = []
        for message in messages:
            columns, values, row_params = row_of(message, using, skip={"submission"})
            selects.append(f"SELECT new.{quote('id')}, {values} FROM new")
            params += row_params
        submission_column = quote(OutgoingMessage._meta.get_field("submission").column)
        parts.append(
            f"sent AS (INSERT INTO {quote(OutgoingMessage._meta.db_table)} "
            f"({submission_column}, {columns}) {' UNION ALL '.join(selects)})"
        )
    counted, counter_params = add_to_counter(
        submission.action_id, shard, now, using, supporters=1, source="new"
    )
    parts.append(f"counted AS ({counted})")
    sql = f"WITH {', '.join(parts)} SELECT {quote('id')} FROM new"
    return sql, params + counter_params


def repeat(submission, shard, now, using):
    connection = connections[using]
    quote = connection.ops.quote_name
    table = quote(Submission._meta.db_table)
    rank = quote(Submission._meta.get_field("rank").column)
    columns, values, params = row_of(submission, using, skip={"rank"})
    counted, counter_params = add_to_counter(
        submission.action_id, shard, now, using, supporters=0
    )
    sql = (
        f"WITH earlier AS (SELECT COUNT(*) AS n FROM {table} "
        f"WHERE {quote('action_id')} = %s AND {quote('fingerprint')} = %s), "
        f"new AS (INSERT INTO {table} ({columns}, {rank}) "
        f"SELECT {values}, earlier.n + 1 FROM earlier "
        f"RETURNING {quote('id')}, {rank}), "
        f"counted AS ({counted}) "
        f"SELECT {quote('id')}, {rank} FROM new"
    )
    where = [submission.action_id, submission.fingerprint]
    return sql, where + params + counter_params


def add_to_counter(action_id, shard, now, using, *, supporters, source=None):
    """An upsert adding one submission (and ``supporters``) to one counter shard.

    With ``source``, it adds only if that common table expression has a row.
    """
    quote = connections[using].ops.quote_name
    table = quote(ActionCounter._meta.db_table)
    names = ("action_id", "shard", "supporters", "submissions", "updated_at")
    row = f"%s, %s, {int(supporters)}, 1, %s"
    values = f"SELECT {row} FROM {source}" if source else f"VALUES ({row})"
    sql = (
        f"INSERT INTO {table} ({', '.join(map(quote, names))}) {values} "
        f"ON CONFLICT ({quote('action_id')}, {quote('shard')}) DO UPDATE SET "
        f"{quote('supporters')} = {table}.{quote('supporters')} + {int(supporters)}, "
        f"{quote('submissions')} = {table}.{quote('submissions')} + 1, "
        f"{quote('updated_at')} = EXCLUDED.{quote('updated_at')}"
    )
    return sql, [action_id, shard, now]


def row_of(instance, using, skip=()):
    """``(columns, placeholders, params)`` for inserting ``instance``'s stored fields.

    Each placeholder is cast to its column's type, so a literal typed only by
    its context (in a ``UNION`` or a ``SELECT``) still reaches the column as
    itself. Fields holding None are left to the column's default (NULL).
    """
    connection = connections[using]
    columns, values, params = [], [], []
    for field, column, placeholder in stored_fields(type(instance), using):
        if field.name in skip:
            continue
        value = field.get_db_prep_save(field.pre_save(instance, True), connection)
        if value is None:
            continue
        columns.append(column)
        values.append(placeholder)
        params.append(value)
    return ", ".join(columns), ", ".join(values), params


@cache
def stored_fields(model, using):
    """``[(field, quoted column, cast placeholder)]`` of the fields an insert writes."""
    connection = connections[using]
    meta = model._meta
    return [
        (
            field,
            connection.ops.quote_name(field.column),
            f"CAST(%s AS {field.cast_db_type(connection)})",
        )
        for field in meta.concrete_fields
        if not field.generated and field is not meta.pk
    ]

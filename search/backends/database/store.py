"""Writing and matching the embedded index, in the SQL of the database in use.

PostgreSQL keeps ``tsvector`` columns made by the locale's text search
configuration (``english``, ``italian``, ``russian``; ``simple`` for Chinese,
whose bigrams come from ``text.spaced``), matched with ``@@`` through a GIN index
and ranked by ``ts_rank``. SQLite keeps the analysed terms as text between
spaces, so a term or a run of CJK bigrams is matched with ``LIKE '% term %'`` and
ranked by how often it stands in the title and the body (BM25's saturation and
length normalisation, without IDF).
"""

from django.conf import settings
from django.db import connection

from .text import CJK_RUN, language_config, query_groups, spaced, terms

# BM25's term-frequency saturation and length normalisation, for SQLite's ranking;
# the average body is about this many characters of analysed terms.
K1, B, AVERAGE_BODY = 1.2, 0.75, 3000.0
TITLE_WEIGHT = 3.0
UPSERT = (
    " ON CONFLICT (page_id) DO UPDATE SET language = excluded.language,"
    " title = excluded.title, body = excluded.body"
)


def table():
    from ...models import PageText

    return connection.ops.quote_name(PageText._meta.db_table)


def column(name):
    return f"{table()}.{connection.ops.quote_name(name)}"


def is_postgresql():
    return connection.vendor == "postgresql"


def content_languages():
    return [code.lower() for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def write(rows):
    """Insert or replace ``(page_id, language, title, body)`` rows of plain text."""
    if not rows:
        return
    if is_postgresql():
        values = "(%s, %s, setweight(to_tsvector(%s::regconfig, %s), 'A'), to_tsvector(%s::regconfig, %s))"
        params = []
        for pk, language, title, body in rows:
            config = language_config(language)
            params += [pk, language, config, spaced(title), config, spaced(body)]
    else:
        values = "(%s, %s, %s, %s)"
        params = []
        for pk, language, title, body in rows:
            params += [pk, language, joined(title, language), joined(body, language)]
    # Only the table name and placeholders are formatted in; values are bound.
    insert = f"INSERT INTO {table()} (page_id, language, title, body) VALUES "  # noqa: S608
    sql = insert + ", ".join([values] * len(rows)) + UPSERT
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def joined(text, language):
    """SQLite's stored form: the terms between single spaces, one at each end too."""
    return f" {' '.join(terms(text, language))} "


def like_pattern(group):
    """``LIKE`` pattern for a run of terms that must stand side by side."""
    escaped = [
        t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for t in group
    ]
    if len(group) == 1 and len(group[0]) == 1 and not group[0].isascii():
        return f"%{escaped[0]}%"  # one CJK character: inside any bigram
    return f"% {' '.join(escaped)} %"


def sqlite_match(q, language):
    """``(where, where_params, score, score_params)`` for one language, or None."""
    groups = query_groups(q, language)
    if not groups:
        return None
    title, body = column("title"), column("body")
    where, score, where_params, score_params = [], [], [], []
    for group in groups:
        pattern = like_pattern(group)
        where.append(f"({title} LIKE %s ESCAPE '\\' OR {body} LIKE %s ESCAPE '\\')")
        where_params += [pattern, pattern]
        needle = f" {' '.join(group)} "
        count = f"((LENGTH({body}) - LENGTH(REPLACE({body}, %s, ''))) * 1.0 / %s)"
        norm = f"{K1} * (1 - {B} + {B} * LENGTH({body}) / {AVERAGE_BODY})"
        score.append(
            f"({TITLE_WEIGHT} * ({title} LIKE %s ESCAPE '\\')"
            f" + {count} / ({count} + {norm}))"
        )
        score_params += [pattern, needle, len(needle), needle, len(needle)]
    return " AND ".join(where), where_params, " + ".join(score), score_params


def postgresql_tsquery(q, language):
    """``(sql, params)`` of the query's tsquery in the language's configuration.

    The words go through ``plainto_tsquery`` (stemmed, stop words dropped, all
    required); each CJK run becomes a phrase of its bigrams.
    """
    config = language_config(language)
    parts, params = [], []
    plain = " ".join(CJK_RUN.sub(" ", q).split())
    if plain:
        parts.append("plainto_tsquery(%s::regconfig, %s)")
        params += [config, plain]
    for run in CJK_RUN.findall(q):
        parts.append("phraseto_tsquery(%s::regconfig, %s)")
        params += [config, spaced(run)]
    if not parts:
        return None
    return "(" + " && ".join(parts) + ")", params


def postgresql_match(q, language):
    tsquery = postgresql_tsquery(q, language)
    if tsquery is None:
        return None
    sql, params = tsquery
    vector = f"({column('title')} || {column('body')})"
    return f"{vector} @@ {sql}", params, f"ts_rank({vector}, {sql})", params


def match(q, languages=None):
    """``(where, params, score, params)``: the pages of ``languages`` matching ``q``.

    Each language's pages are matched with the query analysed by that language's
    rules. None when the query has no searchable word.
    """
    build = postgresql_match if is_postgresql() else sqlite_match
    wheres, scores, where_params, score_params = [], [], [], []
    for language in languages or content_languages():
        built = build(q, language)
        if built is None:
            continue
        where, w_params, score, s_params = built
        wheres.append(f"({column('language')} = %s AND {where})")
        where_params += [language, *w_params]
        scores.append(f"WHEN %s THEN {score}")
        score_params += [language, *s_params]
    if not wheres:
        return None
    score = f"CASE {column('language')} {' '.join(scores)} ELSE 0 END"
    return " OR ".join(wheres), where_params, score, score_params

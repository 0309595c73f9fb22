"""Recall at 5 and mean reciprocal rank of a backend over the judged queries."""

from dataclasses import dataclass

from django.db import connection

from ..conf import get_setting
from ..query import SearchQuery
from .queries import JUDGED

CUTOFF = 5

# The embedded default's figures over the demo content, per database and language:
# (recall at 5, MRR), measured with `manage.py search_relevance` and rounded down.
# tests/search/test_relevance.py fails if a change makes any of them fall.
RECORDED = {
    "sqlite": {
        "en": (0.888, 0.888),
        "it": (0.888, 0.888),
        "ru": (0.833, 0.777),
        "zh-hant": (0.888, 0.833),
    },
    "postgresql": {
        "en": (0.888, 0.888),
        "it": (0.888, 0.888),
        "ru": (0.833, 0.805),
        "zh-hant": (0.888, 0.861),
    },
}


@dataclass
class Figures:
    language: str
    queries: int
    recall: float
    mrr: float
    misses: list


def ranked_paths(backend, q, language):
    query = SearchQuery(q=q, locale=language, limit=get_setting("MAX_LIMIT"))
    return [hit["url"] for hit in backend.search(query.clean())["results"]]


def measure(backend, language, judged=None):
    """Figures for one language: every judged query run through ``backend``."""
    judged = JUDGED[language] if judged is None else judged
    recalls, ranks, misses = [], [], []
    for _kind, q, expected in judged:
        paths = ranked_paths(backend, q, language)
        found = set(paths[:CUTOFF]) & set(expected)
        recalls.append(len(found) / len(expected))
        first = next((i for i, path in enumerate(paths, 1) if path in expected), None)
        ranks.append(1 / first if first else 0.0)
        if len(found) < len(expected):
            misses.append(q)
    count = len(judged)
    return Figures(language, count, sum(recalls) / count, sum(ranks) / count, misses)


def recorded(language, vendor=None):
    """The recorded ``(recall, mrr)`` floor for a language on this database."""
    return RECORDED.get(vendor or connection.vendor, {}).get(language)

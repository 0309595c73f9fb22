"""Text analysis for the embedded index, the same for stored text and for queries.

European words are lower-cased, stop words dropped and the rest stemmed with the
Snowball stemmer of the page's language (PyStemmer); runs of CJK characters, which have no spaces between words,
become overlapping character bigrams ("良心犯" → "良心 心犯"), so a word inside a
sentence is found as the sequence of its bigrams. PostgreSQL stems with its own
text search configuration of the same name and gets the bigrams as words
(``spaced``); SQLite stores the analysed terms (``terms``).
"""

import functools
import re
from pathlib import Path

import Stemmer

from ...conf import get_setting

# Han (with extensions and compatibility ideographs), kana, Hangul syllables.
CJK_CHARS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
CJK_RUN = re.compile(f"[{CJK_CHARS}]+")
# Letters and digits that are not CJK; apostrophes and hyphens split words, as
# PostgreSQL's parser does ("dell'Uzbekistan" → "dell", "uzbekistan").
TOKEN = re.compile(f"[{CJK_CHARS}]+|[^\\W_{CJK_CHARS}]+")


def language_config(language_code):
    """The Snowball stemmer and PostgreSQL configuration name for a locale."""
    return get_setting("DATABASE_LANGUAGES").get(language_code.lower(), "simple")


@functools.cache
def stemmer(config):
    if config == "simple":
        return None
    return Stemmer.Stemmer(config)


@functools.cache
def stop_words(config):
    """The words PostgreSQL's configuration drops, dropped on SQLite too."""
    path = Path(__file__).parent / "stopwords" / f"{config}.txt"
    if not path.exists():
        return frozenset()
    return frozenset(path.read_text(encoding="utf-8").split())


def bigrams(run):
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def spaced(text):
    """The text with each CJK run replaced by its bigrams, for PostgreSQL's parser."""
    return CJK_RUN.sub(lambda match: f" {' '.join(bigrams(match.group()))} ", text)


def is_cjk(token):
    return CJK_RUN.fullmatch(token) is not None


def terms(text, language_code):
    """The analysed terms of ``text`` in order: stems and CJK bigrams."""
    words, out = [], []
    config = language_config(language_code)
    stem, stop = stemmer(config), stop_words(config)

    def flush():
        if words:
            out.extend(stem.stemWords(words) if stem else words)
            words.clear()

    for token in TOKEN.findall(text.casefold()):
        if is_cjk(token):
            flush()
            out.extend(bigrams(token))
        elif token not in stop:
            words.append(token)
    flush()
    return out


def query_groups(q, language_code):
    """The query as groups of terms that must stand side by side in a page.

    A CJK run is one group (its bigrams in order); every other word is a group
    of one. All groups must match, in any order, as Elasticsearch's
    ``operator: and`` asks.
    """
    groups = []
    for token in TOKEN.findall(q.casefold()):
        if is_cjk(token):
            groups.append(bigrams(token))
        else:
            groups.append(terms(token, language_code))
    return [group for group in groups if group]

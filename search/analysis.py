"""Text analysis per locale: each index is analysed for its language.

English, Italian and Russian use Elasticsearch's built-in language analyzers
(stemming and stop words). Traditional Chinese uses the built-in ``cjk`` analyzer
(bigrams), or ``icu_analyzer`` when the cluster has the ``analysis-icu`` plugin,
which splits Chinese into words. Whether the plugin is there is asked once per
process and cached.
"""

import logging

from elasticsearch.dsl import analyzer

from .conf import get_setting

logger = logging.getLogger(__name__)

ICU_PLUGIN = "analysis-icu"
# Languages whose built-in analyzer ICU does better than: those without spaces.
ICU_LANGUAGES = {"zh-hant", "zh-hans", "zh", "ja", "ko", "th"}

_icu_cache = {}


def cluster_has_icu(client):
    """True if every node of the cluster has the analysis-icu plugin (cached).

    Every node, because an index with an ICU analyzer cannot open on a node without it.
    """
    if "icu" not in _icu_cache:
        nodes = client.nodes.info(metric="plugins")["nodes"].values()
        _icu_cache["icu"] = bool(nodes) and all(
            any(plugin["name"] == ICU_PLUGIN for plugin in node.get("plugins", []))
            for node in nodes
        )
        logger.info("Elasticsearch analysis-icu plugin: %s", _icu_cache["icu"])
    return _icu_cache["icu"]


def clear_icu_cache():
    _icu_cache.clear()


def use_icu(client):
    setting = get_setting("ICU")
    if setting == "auto":
        return client is not None and cluster_has_icu(client)
    return bool(setting)


def language_analyzer(language_code, icu=False):
    """The analyzer name for a locale's full-text fields."""
    code = language_code.lower()
    if icu and code in ICU_LANGUAGES:
        return "icu_analyzer"
    return get_setting("ANALYZERS").get(code, "icu_analyzer" if icu else "standard")


def suggest_analyzer(icu=False):
    """Search-as-you-type: no stemming, case and accents folded, any script."""
    return analyzer(
        "suggest_folding",
        tokenizer="icu_tokenizer" if icu else "standard",
        filter=["lowercase", "icu_folding" if icu else "asciifolding"],
    )

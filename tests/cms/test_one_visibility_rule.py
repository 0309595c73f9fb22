"""Only ``cms.visibility`` says what a visitor may read.

A static scan of the project's modules: a call such as ``.live()`` or
``.public()``, a ``live=True`` filter, or a look at view restrictions is a rule
of its own about who sees a page, and the next caller would copy it. Each module
below that still needs one says why it is not a visitor's question.
"""

import ast

from tests.cms.imports import modules

# Queryset methods and page methods that decide visibility on their own.
CALLS = {
    "live",
    "not_live",
    "public",
    "not_public",
    "private",
    "get_view_restrictions",
    "first_common_ancestor",
    "public_q",
    "live_q",
}
# Names of models that store view restrictions.
NAMES = {"PageViewRestriction", "CollectionViewRestriction", "BaseViewRestriction"}
# Parts of a queryset lookup (``filter(live=True)``, ``page__live``, ...).
LOOKUPS = {"live", "view_restrictions", "url_path"}

ALLOWED = {
    # The one rule.
    "cms.visibility": {"live", *NAMES},
    # Serving one request: whether *this* visitor has passed a page's password
    # or signed in, never what the public answers show.
    "cms.models.serving": {"get_view_restrictions"},
    # The form that checks a page's password.
    "cms.page_passwords": {"PageViewRestriction"},
    # Hears a restriction added or removed, to announce the change.
    "cms.lifecycle.receivers": {"PageViewRestriction"},
    # Stores the action forms of every published page, private ones too (the
    # reports say "Private"); finding an action asks cms.visibility.
    "caseblocks.management.commands.refresh_placed_actions": {"live"},
    # Makes the demo's pages, each a draft first (``live=False``).
    "cms.demo.pages": {"live"},
}


def lookup_parts(keyword):
    return set(keyword.split("__")) if keyword else set()


def rules_in(tree):
    """What each node of ``tree`` decides of visibility by itself, as names."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Attribute) and func.attr in CALLS:
                yield func.attr
            for keyword in node.keywords:
                yield from lookup_parts(keyword.arg) & LOOKUPS
        elif isinstance(node, ast.Name) and node.id in NAMES:
            yield node.id
        elif isinstance(node, ast.Attribute) and node.attr in NAMES:
            yield node.attr
        elif isinstance(node, ast.alias) and node.name in NAMES:
            yield node.name


def strays():
    found = {}
    for name, path in modules().items():
        rules = set(rules_in(ast.parse(path.read_text(), str(path))))
        extra = rules - ALLOWED.get(name, set())
        if extra:
            found[name] = sorted(extra)
    return found


def test_no_module_but_cms_visibility_decides_what_a_visitor_reads():
    assert strays() == {}


def test_the_scan_finds_a_rule_of_its_own():
    source = """
from wagtail.models import Page, PageViewRestriction
Page.objects.live().public()
Page.objects.filter(live=True, view_restrictions__isnull=True)
Page.objects.filter(url_path__startswith="/home/")
page.get_view_restrictions()
"""
    assert set(rules_in(ast.parse(source))) == {
        "live",
        "public",
        "PageViewRestriction",
        "view_restrictions",
        "url_path",
        "get_view_restrictions",
    }


def test_every_allowed_module_still_needs_its_exception():
    """An exception left behind after its module stopped needing it is removed."""
    for name, allowed in ALLOWED.items():
        path = modules()[name]
        assert allowed & set(rules_in(ast.parse(path.read_text(), str(path)))), name

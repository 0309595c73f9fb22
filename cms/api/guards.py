"""Checks every request to the delivery API passes before any route reads it.

A NUL character in a path or query parameter is refused with a 400 naming the
parameter: PostgreSQL cannot compare text holding one (it raises rather than
finding nothing), and no id, path, code or word the API serves contains one.
A query parameter without a name (``?=1``) is refused too: it is no parameter
the API has, and a request holding one was not written for it.
"""

import re
from functools import wraps

from django.urls import URLPattern

from cms.api.errors import error_response

NUL = "\x00"
NUL_MESSAGE = "Text may not contain NUL characters."
NAMELESS_MESSAGE = "A query parameter needs a name (name=value)."
WORD = re.compile(r"\w+")


def nul_field(request, kwargs):
    """The name of the first path or query parameter holding a NUL, or None."""
    for name, value in kwargs.items():
        if NUL in str(value):
            return name
    for name, values in request.GET.lists():
        if NUL in name or any(NUL in value for value in values):
            return name.replace(NUL, "")
    if NUL in request.path_info:
        return "path"
    return None


def refuse_nul(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        field = nul_field(request, kwargs)
        if field is not None:
            return error_response(request, 400, field, NUL_MESSAGE)
        if "" in request.GET:
            return error_response(request, 400, "query", NAMELESS_MESSAGE)
        return view(request, *args, **kwargs)

    return guarded


def guarded_urls(urls):
    """``api.urls`` (patterns, app name, namespace), each view behind the checks."""
    patterns, app_name, namespace = urls
    guarded = [
        URLPattern(p.pattern, refuse_nul(p.callback), p.default_args, p.name)
        for p in patterns
    ]
    return guarded, app_name, namespace


def search_words(text):
    """The words of a visitor's search, joined by spaces, for a search backend.

    A search is never handed raw to a query language: quotes, operators and
    brackets would change the query, or break it (a lone quote is a syntax
    error in SQLite's full-text search). Words alone are only text.
    """
    return " ".join(WORD.findall(text))

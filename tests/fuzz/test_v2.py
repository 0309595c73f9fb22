"""Wagtail API v2's public routes fuzzed with schemathesis, from ``v2_schema``.

As for API v1 (``test_schema``): no answer is a 5xx, each is documented and in
its schema, what the schema calls invalid is refused, drafts, private pages
and supporters' data never come back, and each route answers at least once
with what was asked for (a 2xx, or the redirect of ``/pages/find/``).
"""

import pytest
import schemathesis
from hypothesis import strategies as st

from .conftest import KNOWN
from .test_schema import ANSWERED, CONFIG, FUZZ, application, no_secrets
from .v2_schema import SCHEMA

schema = schemathesis.openapi.from_dict(SCHEMA, config=CONFIG)
schema.app = application

# A parameter's name -> the attribute of KNOWN with values to mix in.
KNOWN_VALUES = {
    "child_of": "page_ids",
    "descendant_of": "page_ids",
    "ancestor_of": "page_ids",
    "translation_of": "page_ids",
    "html_path": "html_paths",
    "search": "words",
}


def known_values(context, name):
    if name == "id":  # a page's or an image's, as the route says
        images = context.operation.path.startswith("/api/v2/images/")
        return KNOWN.image_ids if images else KNOWN.page_ids
    return getattr(KNOWN, KNOWN_VALUES[name]) if name in KNOWN_VALUES else None


def with_known(context, values):
    """The generated ``values``, or the same with one known value put in."""
    known = {
        name: options
        for name in values or ()
        if (options := known_values(context, name))
    }
    if not known:
        return st.just(values)
    one = st.sampled_from(sorted(known)).flatmap(
        lambda name: st.sampled_from(known[name]).map(
            lambda value: {**values, name: value}
        )
    )
    return st.one_of(st.just(values), one)


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    return with_known(context, path_parameters)


@schema.hook
def flatmap_query(context, query):
    return with_known(context, query)


@pytest.fixture
def answered(request):
    """Fail a route's test if none of its requests was answered as asked."""
    ANSWERED.clear()
    yield
    statuses = sorted(set(ANSWERED))
    assert any(200 <= status < 400 for status in statuses), (
        f"{request.node.operation_label} never answered; answers: {statuses}"
    )


@schema.parametrize()
@FUZZ
def test_public_api_v2(case, site_content, db, answered):
    case.call_and_validate(additional_checks=[no_secrets])

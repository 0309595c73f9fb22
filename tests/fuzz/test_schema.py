"""The delivery API fuzzed against its own OpenAPI document with schemathesis.

Each operation gets a bounded, repeatable run: schemathesis' examples and coverage
phases, then ``max_examples`` generated requests. No answer may be a 5xx, and each
must have a documented status, content type and schema; schemathesis' other
default checks (invalid data refused, auth enforced, methods refused) run too.
Known ids, paths, tokens and a valid supporter are mixed into the generated values
so that requests reach real pages and storage, not only 404s and 400s, and each
operation must have succeeded at least once.
"""

from urllib.parse import quote

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from django.conf import settings as django_settings
from django.test.client import ClientHandler

from .conftest import ACTION_ID, KNOWN, SECRETS

HANDLER = ClientHandler(enforce_csrf_checks=True)
ANSWERED = []  # the statuses answered in the running test


def application(environ, start_response):
    """Django as a WSGI app that leaves the test's database transaction open.

    Django's own WSGI handler closes the connection after each request, which
    would end the transaction the test's rows live in; the test client's does not.
    """
    response = HANDLER(environ)
    ANSWERED.append(response.status_code)
    headers = [*response.items()]
    headers += [
        ("Set-Cookie", cookie.output(header="").strip())
        for cookie in response.cookies.values()
    ]
    start_response(f"{response.status_code} {response.reason_phrase}", headers)
    return [response.content]


CONFIG = schemathesis.Config.from_dict(
    {
        # A 400 for a schema-valid value is often right here: an unknown parent
        # page, a status a page type lacks. Every other default check stays on.
        "checks": {"positive_data_acceptance": {"enabled": False}},
        # Submissions go to the open action, so every body reaches validation and
        # storage; GET /actions/{action_id}/ fuzzes the id.
        "operations": [
            {
                "include-name": "POST /api/v1/actions/{action_id}/submissions",
                "parameters": {"path.action_id": ACTION_ID},
            }
        ],
    }
)
schema = schemathesis.openapi.from_wsgi(
    "/api/v1/openapi.json", application, config=CONFIG
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)

# A parameter's name -> the attribute of KNOWN with values to mix in.
KNOWN_VALUES = {
    "id": "page_ids",
    "page_id": "page_ids",
    "child_of": "page_ids",
    "case": "page_ids",
    "news": "page_ids",
    "include": "includes",
    "type": "types",
    "iso": "iso_codes",
    "country": "iso_codes",
    "action_id": "action_ids",
    "path": "paths",
    "X-Preview-Token": "tokens",
    "tag": "tags",
    "q": "words",
    "key": "campaigns",
    "campaign": "campaigns",
    "block_id": "block_ids",
}
# Fields that make a submission acceptable; name, message and the rest stay fuzzed.
VALID_SUPPORTER = {"email": "reader@example.org", "country": "KZ", "consent": True}


def with_known(values):
    """The generated ``values``; the same with one known value put in; or known
    values alone, the other parameters dropped (the plainest request that finds
    something)."""
    known = {
        name: getattr(KNOWN, KNOWN_VALUES[name])
        for name in values or ()
        if name in KNOWN_VALUES
    }
    if not known:
        return st.just(values)
    one = st.sampled_from(sorted(known)).flatmap(
        lambda name: st.sampled_from(known[name]).map(
            lambda value: {**values, name: value}
        )
    )
    alone = st.fixed_dictionaries(
        {name: st.sampled_from(options) for name, options in known.items()}
    )
    return st.one_of(st.just(values), one, alone)


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    return with_known(path_parameters)


@schema.hook
def flatmap_query(context, query):
    return with_known(query)


@schema.hook
def flatmap_headers(context, headers):
    return with_known(headers)


def with_supporter(case):
    case.body = {**case.body, **VALID_SUPPORTER}
    return case


@schema.hook
def flatmap_case(context, case):
    """Half the valid-by-schema submissions get an address and country that exist."""
    positive = case.meta is not None and not case.meta.generation.mode.is_negative
    if not positive or not isinstance(case.body, dict):
        return st.just(case)
    return st.booleans().map(lambda valid: with_supporter(case) if valid else case)


def no_secrets(ctx, response, case):
    """Drafts, private pages and supporters' data never leave through the API.

    A preview link shows its page's draft to whoever holds it: that is its job.
    """
    if case.path == "/api/v1/preview/":
        return
    sent = f"{response.request.url} {response.request.body}"
    for secret in SECRETS:
        # An error message may quote what the request itself said.
        if secret.encode() in response.content and quote(secret) not in sent:
            raise AssertionError(f"{secret!r} came back from {case.path}")


def needs_sign_in(context):
    """Whether the operation is for signed-in users only (it declares security)."""
    return bool(context.operation.definition.raw.get("security"))


def is_public(context):
    return not needs_sign_in(context)


# Operations whose success needs a secret no fuzzer can make up: a confirmation
# token is mailed to the supporter only (tests/caseblocks/test_confirmation.py).
# A letter needs a page id and the id of an appeal block on that very page: two
# independent draws meet by chance only, so some runs never ask for a letter that
# exists (tests/caseblocks/test_letters.py makes real ones). Both are still fuzzed
# for 5xx, leaks and the other checks.
UNGUESSABLE = {
    "POST /api/v1/actions/confirmations",
    "GET /api/v1/pages/{page_id}/letters/{block_id}.pdf",
}


@pytest.fixture
def succeeded(request):
    """Fail an operation's test if none of its requests succeeded."""
    ANSWERED.clear()
    yield
    statuses = sorted(set(ANSWERED))
    if request.node.operation_label in UNGUESSABLE:
        return
    assert any(200 <= status < 300 for status in statuses), (
        f"{request.node.operation_label} never succeeded; answers: {statuses}"
    )


class EditorSession:
    """Signs requests in as the superuser that ``site_content`` made."""

    def get(self, case, context):
        return KNOWN.editor_session

    def set(self, case, data, context):
        case.cookies = {
            **(case.cookies or {}),
            django_settings.SESSION_COOKIE_NAME: data,
        }


@schema.exclude(needs_sign_in).parametrize()
@FUZZ
def test_public_api(case, site_content, db, succeeded):
    case.call_and_validate(additional_checks=[no_secrets])


@schema.exclude(is_public).parametrize()
@FUZZ
def test_signed_in_api_refuses_readers(case, site_content, db):
    response = case.call_and_validate()
    # Refused, or never reaching the route: an id that is not a number, a method
    # the route does not take, a NUL character.
    assert response.status_code in {400, 401, 404, 405}, response.text


@schema.exclude(is_public).parametrize()
@schema.auth(EditorSession, refresh_interval=None)
@FUZZ
def test_signed_in_api_as_editor(case, site_content, db, succeeded):
    case.call_and_validate()

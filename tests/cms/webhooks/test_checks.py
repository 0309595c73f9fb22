"""The checks refuse an endpoint without a URL or secret, and http:// in production."""

import json

import pytest

from cms.webhooks.checks import check_endpoints, check_endpoints_use_https
from tests.cms.test_deploy_checks import production

SECRET = "a-very-long-secret-" + "y" * 30


def ids(settings, endpoints, check):
    settings.CASEBOOK_WEBHOOKS = {"ENDPOINTS": endpoints}
    return [message.id for message in check()]


@pytest.mark.parametrize(
    ("endpoints", "expected"),
    [
        ([{"NAME": "site", "URL": "https://a.example/hook", "SECRET": SECRET}], []),
        ([{"NAME": "site", "URL": "https://a.example/hook"}], ["webhooks.E002"]),
        (
            [{"NAME": "site", "URL": "https://a.example/", "SECRET": ""}],
            ["webhooks.E002"],
        ),
        ([{"NAME": "site", "SECRET": SECRET}], ["webhooks.E001"]),
        ([{"URL": "file:///etc/passwd", "SECRET": SECRET}], ["webhooks.E001"]),
        (["https://a.example/hook"], ["webhooks.E001"]),
        (
            [
                {"URL": "https://a.example/one", "SECRET": SECRET},
                {"URL": "https://a.example/two", "SECRET": SECRET},
            ],
            ["webhooks.E001"],  # both would be named a.example
        ),
    ],
)
def test_a_malformed_endpoint_or_empty_secret_is_an_error(
    settings, endpoints, expected
):
    assert ids(settings, endpoints, check_endpoints) == expected


def test_not_a_list_is_an_error(settings):
    assert ids(settings, "https://a.example/", check_endpoints) == ["webhooks.E001"]


def test_plain_http_fails_the_deploy_check(settings):
    plain = [{"NAME": "site", "URL": "http://a.example/hook", "SECRET": SECRET}]
    secure = [{"NAME": "site", "URL": "https://a.example/hook", "SECRET": SECRET}]
    assert ids(settings, plain, check_endpoints_use_https) == ["webhooks.E003"]
    assert ids(settings, secure, check_endpoints_use_https) == []


def test_no_message_quotes_a_url_or_secret(settings):
    url = "http://a.example/hook?token=t0ken"
    settings.CASEBOOK_WEBHOOKS = {"ENDPOINTS": [{"NAME": "site", "URL": url}]}
    text = " ".join(m.msg for m in check_endpoints() + check_endpoints_use_https())
    assert "site" in text
    assert "t0ken" not in text


def production_check(endpoints):
    return production(
        "check",
        "--deploy",
        REDIS_URL="redis://127.0.0.1:6379/2",
        WEBHOOK_ENDPOINTS=json.dumps(endpoints),
    )


def test_production_deploy_check_refuses_http_and_passes_https():
    refused = production_check(
        [{"NAME": "site", "URL": "http://site.example/hook", "SECRET": SECRET}]
    )
    assert refused.returncode != 0
    assert "webhooks.E003" in refused.stderr
    assert SECRET not in refused.stderr + refused.stdout

    passed = production_check(
        [{"NAME": "site", "URL": "https://site.example/hook", "SECRET": SECRET}]
    )
    assert passed.returncode == 0, passed.stderr
    assert "webhooks." not in passed.stderr


def test_production_refuses_an_empty_secret_and_malformed_json():
    empty = production_check([{"NAME": "site", "URL": "https://site.example/hook"}])
    assert empty.returncode != 0
    assert "webhooks.E002" in empty.stderr
    garbled = production(
        "check",
        REDIS_URL="redis://127.0.0.1:6379/2",
        WEBHOOK_ENDPOINTS='[{"SECRET": "t0ps3cret"',
    )
    assert garbled.returncode != 0
    assert "WEBHOOK_ENDPOINTS must be a JSON list" in garbled.stderr
    assert "t0ps3cret" not in garbled.stderr

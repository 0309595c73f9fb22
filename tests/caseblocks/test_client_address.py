"""The client address behind proxies: the right end of X-Forwarded-For, IPv6 per /64."""

import pytest

from django.test import RequestFactory

from caseblocks.client_address import client_address, client_network

from .conftest import supporter

XFF = "HTTP_X_FORWARDED_FOR"


@pytest.fixture
def behind(settings):
    def configure(proxies=1, **more):
        settings.CASEBOOK_CLIENT_ADDRESS = {
            "HEADER": XFF,
            "TRUSTED_PROXIES": proxies,
            **more,
        }

    return configure


def request(remote="10.0.0.1", **meta):
    return RequestFactory().get("/", REMOTE_ADDR=remote, **meta)


def test_without_a_header_the_address_is_remote_addr(settings):
    settings.CASEBOOK_CLIENT_ADDRESS = {}
    # A client-sent header is ignored when no proxy is configured.
    assert client_address(request("192.0.2.9", **{XFF: "203.0.113.1"})) == "192.0.2.9"


def test_the_right_end_is_taken_not_what_the_client_wrote(behind):
    behind(proxies=1)
    # The client wrote "203.0.113.1"; the one proxy appended the real address.
    assert client_address(request(**{XFF: "203.0.113.1, 192.0.2.7"})) == "192.0.2.7"
    assert client_address(request(**{XFF: "192.0.2.7"})) == "192.0.2.7"


def test_trusted_proxies_are_skipped_from_the_right(behind):
    behind(proxies=2)  # a CDN, then nginx
    value = "203.0.113.1, 192.0.2.7, 198.51.100.250"
    assert client_address(request(**{XFF: value})) == "192.0.2.7"
    # Fewer entries than proxies: the leftmost was written by the first proxy.
    assert client_address(request(**{XFF: "192.0.2.8"})) == "192.0.2.8"


def test_an_empty_or_unreadable_header_falls_back_to_remote_addr(behind):
    behind()
    assert client_address(request("192.0.2.9", **{XFF: ""})) == "192.0.2.9"
    assert client_address(request("192.0.2.9", **{XFF: " , "})) == "192.0.2.9"
    assert client_address(request("192.0.2.9", **{XFF: "not-an-ip"})) == "192.0.2.9"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("2001:DB8:0:0:0:0:0:1", "2001:db8::1"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("fe80::1%eth0", "fe80::1"),
        ("::ffff:192.0.2.7", "192.0.2.7"),
        ("192.0.2.7:5555", "192.0.2.7"),
    ],
)
def test_addresses_are_canonicalised(behind, written, canonical):
    behind()
    assert client_address(request(**{XFF: written})) == canonical


def test_ipv6_is_counted_per_64_by_default(settings):
    settings.CASEBOOK_CLIENT_ADDRESS = {}
    one = client_network(request("2001:db8:1:2::1"))
    other = client_network(request("2001:db8:1:2:ffff:ffff:ffff:fffe"))
    assert one == other == "2001:db8:1:2::/64"
    assert client_network(request("2001:db8:1:3::1")) != one
    assert client_network(request("192.0.2.7")) == "192.0.2.7"


def test_the_ipv6_prefix_is_configurable(settings):
    settings.CASEBOOK_CLIENT_ADDRESS = {"IPV6_PREFIX": 48}
    assert client_network(request("2001:db8:1:2::1")) == "2001:db8:1::/48"


# The attacks, replayed against the submission route.


@pytest.fixture
def one_a_minute(actions_settings):
    actions_settings.CASEBOOK_ACTIONS = {
        "RATE_LIMITS": {"ADDRESS": ["1/60"], "EMAIL": ["1000/60"]}
    }


@pytest.mark.django_db
def test_writing_x_forwarded_for_does_not_step_around_the_limit(
    action_page, submit, behind, one_a_minute
):
    behind(proxies=1)
    statuses = [
        submit(
            supporter(email=f"s{n}@example.org"),
            **{XFF: f"203.0.113.{n}, 192.0.2.7"},  # a fresh forged address each time
        ).status_code
        for n in range(3)
    ]
    assert statuses == [202, 429, 429]
    other = submit(supporter(email="o@example.org"), **{XFF: "203.0.113.1, 192.0.2.8"})
    assert other.status_code == 202


@pytest.mark.django_db
def test_a_new_ipv6_address_in_the_same_64_does_not_step_around_the_limit(
    action_page, submit, settings, one_a_minute
):
    settings.CASEBOOK_CLIENT_ADDRESS = {}
    first = submit(supporter(email="a@example.org"), REMOTE_ADDR="2001:db8:5:6::1")
    again = submit(supporter(email="b@example.org"), REMOTE_ADDR="2001:db8:5:6::abcd")
    other = submit(supporter(email="c@example.org"), REMOTE_ADDR="2001:db8:5:7::1")
    assert (first.status_code, again.status_code, other.status_code) == (
        202,
        429,
        202,
    )

"""Wagtail's page passwords are throttled like the admin login, per restriction and address."""

import pytest

from django.core.cache import cache

from wagtail.models import PageViewRestriction

from tests.factories import CasePageFactory

pytestmark = pytest.mark.django_db

PASSWORD = "tulip-harbour-41"
THROTTLED = "Too many wrong passwords"


@pytest.fixture(autouse=True)
def limits(settings):
    settings.CASEBOOK_LOGIN_THROTTLE = {
        "RESTRICTION_FAILURES": 4,
        "ADDRESS_FAILURES": 6,
        "WINDOW": 600,
    }


def restricted(slug):
    page = CasePageFactory(slug=slug, title=slug)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    return page, restriction


@pytest.fixture
def hidden():
    return restricted("xq-hidden-case")


def try_password(client, page, restriction, password, address="198.51.100.7"):
    return client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"password": password, "return_url": page.url},
        REMOTE_ADDR=address,
    )


def opened(client, page):
    # What a password opens: the page's own URL (no API serves a private page).
    return client.get(page.url)


def test_the_right_password_opens_the_page_to_that_session(client, hidden):
    page, restriction = hidden
    assert opened(client, page).status_code == 404
    assert try_password(client, page, restriction, PASSWORD).status_code == 302
    assert opened(client, page).status_code == 200


def test_guessing_is_stopped_even_when_the_guess_is_right(client, hidden):
    """Today's attack: guess until the password fits, then read the page over v2."""
    page, restriction = hidden
    for n in range(40):
        response = try_password(client, page, restriction, f"guess-{n}")
        assert response.status_code in (200, 429)
    response = try_password(client, page, restriction, PASSWORD)
    assert response.status_code == 429
    assert THROTTLED in response.content.decode()
    assert opened(client, page).status_code == 404


def test_a_restriction_is_counted_across_addresses(client, hidden):
    page, restriction = hidden
    for n in range(4):
        assert (
            try_password(
                client, page, restriction, "wrong", address=f"203.0.113.{n}"
            ).status_code
            == 200
        )
    response = try_password(client, page, restriction, PASSWORD, address="192.0.2.1")
    assert response.status_code == 429


def test_an_address_is_counted_across_restrictions(client):
    pages = [restricted(f"xq-case-{n}") for n in range(3)]
    for page, restriction in pages:
        for _ in range(2):
            try_password(client, page, restriction, "wrong")
    page, restriction = restricted("xq-case-last")
    assert try_password(client, page, restriction, PASSWORD).status_code == 429
    # Another client is not held back by this address's guesses.
    other = try_password(client, page, restriction, PASSWORD, address="192.0.2.9")
    assert other.status_code == 302


def test_a_right_password_clears_no_count(client, hidden):
    page, restriction = hidden
    for _ in range(3):
        try_password(client, page, restriction, "wrong", address="203.0.113.1")
    assert (
        try_password(
            client, page, restriction, PASSWORD, address="203.0.113.2"
        ).status_code
        == 302
    )
    try_password(client, page, restriction, "wrong", address="203.0.113.1")
    response = try_password(client, page, restriction, PASSWORD, address="203.0.113.3")
    assert response.status_code == 429


def test_cache_keys_name_neither_the_page_nor_the_address(client, hidden):
    page, restriction = hidden
    try_password(client, page, restriction, "wrong", address="198.51.100.77")
    keys = [key for key in cache._cache if "login-failures" in key]
    assert len(keys) == 2
    assert not [key for key in keys if "198.51.100.77" in key or "xq" in key]

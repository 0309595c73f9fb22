"""A page's own URL: its live rendering, after Wagtail's view restrictions, or
the front-end when one is configured."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import Locale, PageViewRestriction

from cms.models import CasePage

pytestmark = pytest.mark.django_db

URL = "/en/cases/erzhan-elshibayev/"


def test_the_page_url_is_its_front_end_path(case_page):
    assert case_page.url == URL


def test_without_a_front_end_the_page_url_serves_its_rendering(client, case_page):
    response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "<h1>Erzhan Elshibayev</h1>" in html


def test_with_a_front_end_the_page_url_leads_there(client, case_page, settings):
    settings.CASEBOOK_FRONTEND_URL = "https://front.example.org/"

    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "https://front.example.org" + URL


def test_other_paths_to_a_page_lead_to_its_own(client, case_page, home_page):
    assert client.get("/")["Location"] == "/en/"
    assert client.get("/cases/erzhan-elshibayev/")["Location"] == URL
    assert client.get("/en/").status_code == 200


def test_only_the_live_version_is_served(client, case_page):
    case_page.save_revision().publish()
    case_page.title = "Unpublished title"
    case_page.summary = "Unpublished summary"
    case_page.save_revision()

    html = client.get(URL).content.decode()

    assert "Erzhan Elshibayev" in html
    assert "Unpublished" not in html


def test_a_draft_is_not_found(client, case_page):
    case_page.unpublish()

    response = client.get(URL)

    assert response.status_code == 404
    assert b"Erzhan" not in response.content


def test_a_private_page_is_not_found(client, case_page):
    # Its password form would tell a stranger that a hidden case of this name
    # exists (tests/security/test_private_pages.py).
    PageViewRestriction.objects.create(
        page=case_page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )

    response = client.get(URL)

    assert response.status_code == 404
    assert b"password" not in response.content.lower()
    assert b"Arrested in 2010" not in response.content


def test_a_page_for_a_group_is_not_found_by_strangers(client, case_page):
    restriction = PageViewRestriction.objects.create(
        page=case_page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Researchers"))

    response = client.get(URL)

    assert response.status_code == 404
    assert "Location" not in response


def test_a_page_read_with_its_password_is_never_shared(client, case_page):
    from django.test import Client

    restriction = PageViewRestriction.objects.create(
        page=case_page, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    login = f"/_util/authenticate_with_password/{restriction.pk}/{case_page.pk}/"
    client.post(login, {"password": "x", "return_url": URL})

    insider = client.get(URL)
    assert b"Arrested in 2010" in insider.content
    assert "no-store" in insider["Cache-Control"]
    # A stranger after them finds no page, and is not served the copy.
    stranger = Client().get(URL)
    assert stranger.status_code == 404
    assert b"Arrested in 2010" not in stranger.content


def test_a_translation_is_served_at_its_language_path(client, case_page, home_page):
    italian = Locale.objects.create(language_code="it")
    for page in [home_page, case_page.get_parent(), case_page]:
        translated = page.copy_for_translation(italian, copy_parents=True)
        translated.save_revision().publish()
    italian_case = CasePage.objects.get(locale=italian)
    italian_case.title = "Erzhan Elshibayev (it)"
    italian_case.save_revision().publish()

    html = client.get("/it/cases/erzhan-elshibayev/").content.decode()

    assert '<html lang="it" dir="ltr">' in html
    assert client.get("/it/cases/erzhan-elshibayev/")["Content-Language"] == "it"
    assert "Erzhan Elshibayev (it)" in html
    assert f'hreflang="en" href="{URL}"' in html
    # The English page links to its translation.
    assert 'href="/it/cases/erzhan-elshibayev/"' in client.get(URL).content.decode()

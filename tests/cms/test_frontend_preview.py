"""Wagtail's preview shows the editor's draft: rendered by Casebook, and through
the front-end when one is configured."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from django.core.cache import cache
from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.models import CasePage
from tests.factories import CasePageFactory


@pytest.fixture
def case_page(db):
    page = CasePageFactory(title="Published title", slug="a-case")
    page.save_revision().publish()
    return page


def preview(admin_client, page, mode=None, **changes):
    """Post the editor's unsaved form to Wagtail's preview, then open the preview
    (in ``mode``, else the page's default mode)."""
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "person_name": page.person_name,
            "summary": page.summary,
            "status": page.status,
            "charges": streamfield([]),
            "body": streamfield([]),
            **changes,
        }
    )
    answer = admin_client.post(url, data).json()
    assert answer["is_valid"], answer
    response = admin_client.get(url, {} if mode is None else {"mode": mode})
    assert response.status_code == 200
    return response.content.decode()


def open_preview(client, token):
    return client.get("/api/v1/preview/", HTTP_X_PREVIEW_TOKEN=token)


def link_in(html, attribute):
    match = re.search(rf'{attribute}="([^"]+)"', html)
    assert match, html
    return unescape(match[1])


@pytest.mark.django_db
def test_preview_frames_the_front_end_with_a_token_for_the_unsaved_draft(
    admin_client, client, case_page, settings
):
    settings.CASEBOOK_FRONTEND_URL = "https://front.example.org/"
    html = preview(admin_client, case_page, title="Unsaved title")
    src = urlsplit(link_in(html, "src"))
    assert (src.scheme, src.netloc, src.path) == (
        "https",
        "front.example.org",
        "/en/cases/a-case/",
    )
    token = parse_qs(src.query)["preview_token"][0]
    draft = open_preview(client, token)
    assert draft.status_code == 200
    assert draft.json()["title"] == "Unsaved title"
    # Nothing was saved: the public API still shows the published page.
    public = client.get(f"/api/v1/pages/{case_page.pk}/").json()
    assert public["title"] == "Published title"


@pytest.mark.django_db
def test_without_a_front_end_the_preview_renders_the_unsaved_draft(
    admin_client, client, case_page, settings
):
    settings.CASEBOOK_FRONTEND_URL = ""
    assert case_page.preview_modes == [("", "Casebook")]
    html = preview(admin_client, case_page, title="Unsaved title")
    assert "<h1>Unsaved title</h1>" in html
    assert "Preview: this is the draft" in html
    assert "<iframe" not in html
    # Nothing was saved: the page's own URL still shows the published page.
    assert "<h1>Published title</h1>" in client.get(case_page.url).content.decode()


@pytest.mark.django_db
def test_with_a_front_end_the_preview_also_offers_the_rendering(
    admin_client, case_page, settings
):
    settings.CASEBOOK_FRONTEND_URL = "https://front.example.org/"
    assert [mode for mode, _label in case_page.preview_modes] == ["frontend", ""]
    html = preview(admin_client, case_page, mode="", title="Unsaved title")
    assert "<h1>Unsaved title</h1>" in html
    assert "front.example.org" not in html


@pytest.mark.django_db
def test_a_token_outlives_the_stash_by_showing_its_own_revision_only(
    admin_client, client, case_page, settings
):
    settings.CASEBOOK_FRONTEND_URL = "https://front.example.org/"
    html = preview(admin_client, case_page, title="Unsaved title")
    token = parse_qs(urlsplit(link_in(html, "src")).query)["preview_token"][0]
    case_page.title = "Saved later"
    case_page.save_revision()
    cache.clear()  # the stash expired or was evicted
    # The draft saved after the token was made needs a token of its own.
    assert open_preview(client, token).json()["title"] == "Published title"


@pytest.mark.django_db
def test_a_page_never_saved_asks_for_a_draft_first(rf, settings):
    settings.CASEBOOK_FRONTEND_URL = "https://front.example.org"
    response = CasePage(title="New case").serve_preview(rf.get("/"), "frontend")
    html = response.render().content.decode()
    assert "Save a draft to preview" in html
    assert "preview_token" not in html


@pytest.mark.django_db
def test_a_page_never_saved_is_rendered_in_the_preview(rf, home_page, settings):
    settings.CASEBOOK_FRONTEND_URL = ""
    page = CasePage(title="New case", person_name="A. Person", locale=home_page.locale)
    request = rf.get("/")
    request.is_preview = True

    html = page.serve_preview(request, "").render().content.decode()

    assert "<h1>New case</h1>" in html

"""Every public endpoint, asked as an anonymous reader, gives away nothing hidden.

``site`` (conftest) holds a draft, a page with pending changes, an unpublished
page, password-, login- and group-restricted pages and a page below one, an
image used only by the draft, supporters' submissions and two staff users, all
marked with words starting ``xq``. Each group of endpoints below is walked with
those pages' ids, paths, actions and words, and no response may contain any of
the words, a staff field or a revision field. ``tests/cms/api/test_visibility.py``
covers each v1 page endpoint against each kind of hidden page in detail; this is
the sweep across everything public.
"""

import json
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

pytestmark = pytest.mark.django_db

# Keys that would show who edited what, or that a draft exists.
STAFF_KEYS = {
    "owner",
    "username",
    "first_name",
    "last_name",
    "user",
    "locked_by",
    "draft_title",
    "latest_revision",
    "latest_revision_created_at",
    "live_revision",
    "has_unpublished_changes",
    "revision",
}


def keys_of(data):
    if isinstance(data, dict):
        for key, value in data.items():
            yield key
            yield from keys_of(value)
    elif isinstance(data, list):
        for item in data:
            yield from keys_of(item)


def echoed(url):
    """The parts of ``url`` a response may repeat back (an error naming the path)."""
    parts = urlsplit(url)
    values = [unquote(parts.path), *(value for _, value in parse_qsl(parts.query))]
    values += [segment for segment in unquote(parts.path).split("/") if segment]
    return sorted({value.lower() for value in values if value}, key=len, reverse=True)


def leaks(client, url, secrets):
    """What the anonymous response to ``url`` gives away, as a list of findings."""
    response = client.get(url)
    found = []
    if response.status_code >= 500 and url.startswith("/api/"):
        found.append(f"{url}: status {response.status_code}")
    text = response.content.decode(errors="replace").lower()
    for part in echoed(url):
        text = text.replace(part, "")
    found += [f"{url}: {secret!r}" for secret in secrets if secret in text]
    if response.get("Content-Type", "").startswith("application/json"):
        keys = set(keys_of(json.loads(response.content))) & STAFF_KEYS
        found += [f"{url}: key {key!r}" for key in sorted(keys)]
    return found


def sweep(client, urls, secrets):
    findings = [finding for url in urls for finding in leaks(client, url, secrets)]
    assert findings == []


def hidden_pages(site):
    return [page for name, page in site.hidden.items() if name != "pending"]


def v1_pages_urls(site):
    index = site.public.get_parent()
    urls = [
        "/api/v1/pages/?limit=100",
        "/api/v1/pages/?type=case&limit=100",
        "/api/v1/pages/?country=KZ&limit=100",
        "/api/v1/pages/?status=imprisoned&limit=100",
        "/api/v1/pages/?locale=en&order=title&limit=100",
        f"/api/v1/pages/?child_of={index.pk}&limit=100",
        f"/api/v1/pages/{site.public.pk}/",
        f"/api/v1/pages/{site.hidden['pending'].pk}/",
        "/api/v1/pages/find/?path=/en/cases/pending-case/",
    ]
    for page in hidden_pages(site):
        urls += [
            f"/api/v1/pages/{page.pk}/",
            f"/api/v1/pages/?child_of={page.pk}",
            f"/api/v1/pages/find/?path=/en{page.url_path.removeprefix('/home')}",
        ]
    return urls


def v1_other_urls(site):
    urls = [
        "/api/v1/countries/",
        "/api/v1/countries/KZ/",
        "/api/v1/countries/KZ/?locale=en",
        "/api/v1/preview/",
        "/api/v1/preview/?token=forged",
        f"/api/v1/actions/{site.public_action}/",
        "/api/v1/openapi.json",
        "/api/docs",
    ]
    urls += [f"/api/v1/actions/{action_id}/" for action_id in site.hidden_actions]
    urls += [
        f"/api/v1/translation/progress/{page.pk}/"
        for page in [site.public, *site.hidden.values()]
    ]
    return urls


def search_urls(site):
    urls = ["/api/v1/search/?limit=100", "/api/v1/search/?q=case&limit=100"]
    for secret in site.secrets:
        urls += [
            f"/api/v1/search/?q={secret}",
            f"/api/v1/search/suggest/?q={secret}",
        ]
    return urls


def v2_urls(site):
    urls = [
        "/api/v2/pages/?limit=100",
        "/api/v2/pages/?type=cms.CasePage&fields=*&limit=100",
        f"/api/v2/pages/{site.public.pk}/",
        f"/api/v2/pages/{site.hidden['pending'].pk}/",
        "/api/v2/pages/?fields=owner,draft_title,latest_revision",
        "/api/v2/pages/find/?html_path=/cases/pending-case/",
        "/api/v2/images/?limit=100",
        f"/api/v2/images/{site.draft_image.pk}/",
        f"/api/v2/images/{site.public_image.pk}/",
    ]
    for page in hidden_pages(site):
        urls += [
            f"/api/v2/pages/{page.pk}/",
            f"/api/v2/pages/?child_of={page.pk}",
            f"/api/v2/pages/?descendant_of={page.pk}",
            f"/api/v2/pages/find/?html_path={page.url_path.removeprefix('/home')}",
        ]
    urls += [f"/api/v2/pages/?search={secret}" for secret in site.secrets]
    return urls


def site_urls(site):
    """Page serving (Casebook's HTML rendering at the pages' front-end paths, and
    Wagtail's redirects to them), documents, login and admin, as a visitor finds
    them. The home and section pages list and link pages, so they are swept too."""
    urls = ["/", "/en/", "/admin/", "/admin/login/", "/_util/login/", "/documents/"]
    urls += [f"/en/{section}/" for section in ("cases", "countries", "news")]
    for page in [site.public, *site.hidden.values()]:
        urls += [
            page.url_path.removeprefix("/home"),
            "/en" + page.url_path.removeprefix("/home"),
            f"/admin/pages/{page.pk}/",
            f"/admin/pages/{page.pk}/edit/",
            f"/admin/pages/{page.pk}/edit/preview/",
            f"/admin/pages/{page.pk}/revisions/",
        ]
    return urls


@pytest.mark.parametrize(
    "urls",
    [v1_pages_urls, v1_other_urls, search_urls, v2_urls, site_urls],
    ids=lambda urls: urls.__name__,
)
def test_anonymous_responses_hold_nothing_hidden(client, site, urls):
    client.raise_request_exception = False  # a server error is judged by its body
    sweep(client, urls(site), site.secrets)


@pytest.mark.parametrize(
    "urls",
    [v1_pages_urls, v1_other_urls, search_urls],
    ids=lambda urls: urls.__name__,
)
def test_signed_in_staff_get_the_anonymous_answer(client, site, urls):
    """The delivery API answers editors as anonymous readers: no drafts, no private
    pages for a session that could see them in the admin. (Wagtail's API v2 shows
    a signed-in user the pages their login lets them see, as Wagtail does.)"""
    client.force_login(site.public.owner)
    # Staff may see who they are in the admin; the API must not tell them secrets.
    secrets = [s for s in site.secrets if s not in {"xqadmin"}]
    sweep(client, urls(site), secrets)


def test_hidden_pages_and_actions_answer_404(client, site):
    for page in hidden_pages(site):
        assert client.get(f"/api/v1/pages/{page.pk}/").status_code == 404
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
    for action_id in site.hidden_actions:
        assert client.get(f"/api/v1/actions/{action_id}/").status_code == 404
    assert client.get(f"/api/v2/images/{site.draft_image.pk}/").status_code == 404


def test_editor_routes_refuse_anonymous_readers(client, site):
    page = site.hidden["pending"]
    assert client.get(f"/api/v1/translation/progress/{page.pk}/").status_code == 401
    for url in (
        f"/admin/pages/{page.pk}/edit/",
        f"/admin/pages/{page.pk}/edit/preview/",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    assert client.get("/api/v1/preview/").status_code == 400


def test_the_sweep_sees_public_content(client, site):
    """The walk reaches real content, so an empty finding list means something."""
    listing = client.get("/api/v1/pages/?type=case&limit=100").json()
    assert "Public case" in [item["title"] for item in listing["items"]]
    pending = client.get(f"/api/v1/pages/{site.hidden['pending'].pk}/").json()
    assert pending["title"] == "Pending case"
    assert "Live words." in json.dumps(pending["body"])
    found = client.get("/api/v1/search/?q=public").json()
    assert [hit["title"] for hit in found["items"]] == ["Public case"]
    found = client.get("/api/v1/search/?q=pending").json()
    assert [hit["title"] for hit in found["items"]] == ["Pending case"]
    images = client.get("/api/v2/images/").json()["items"]
    assert [image["id"] for image in images] == [site.public_image.pk]
    rendered = client.get(site.public.url).content.decode()
    assert "<h1>Public case</h1>" in rendered
    assert "Public case" in client.get("/en/cases/").content.decode()


def test_searching_hidden_words_finds_nothing(client, site):
    """No search tells that a hidden word exists, even on a public page's draft."""
    for secret in site.secrets:
        assert client.get(f"/api/v1/search/?q={secret}").json()["total"] == 0
        suggest = client.get(f"/api/v1/search/suggest/?q={secret}").json()
        assert suggest["items"] == []
        assert client.get(f"/api/v2/pages/?search={secret}").json()["items"] == []


def test_action_detail_has_counts_only(client, site):
    detail = client.get(f"/api/v1/actions/{site.public_action}/").json()
    assert detail["supporters"] == 2
    assert set(detail) == {
        "action_id",
        "kind",
        "language",
        "state",
        "opens_at",
        "closes_at",
        "goal",
        "supporters",
        "closed_text",
        "mailto",
        "captcha",
        "privacy_policy",
    }
    assert "xq" not in json.dumps(detail).lower()


def test_a_hidden_action_takes_no_submissions(client, site):
    for action_id in site.hidden_actions:
        response = client.post(
            f"/api/v1/actions/{action_id}/submissions",
            {"name": "A", "email": "a@example.org", "country": "IT", "consent": True},
            content_type="application/json",
        )
        assert response.status_code == 404

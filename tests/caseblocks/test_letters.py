"""The letter route: public pages only, one answer for what cannot be read,
cached per revision and language, and its URL on the appeal block in the API."""

import pytest

from django.core.cache import cache

from wagtail.models import PageViewRestriction

from caseblocks.letters import render as rendering
from cms.lifecycle import Change, ContentChange, content_changed
from tests.factories import CasePageFactory
from tests.factories.blocks import appeal_address_data

from .letters import paper_mm, text

pytestmark = pytest.mark.django_db


def publish_appeal(slug="azimjan-askarov", **overrides):
    page = CasePageFactory(
        live=False,
        slug=slug,
        body=[{"type": "appeal_address", "value": appeal_address_data(**overrides)}],
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def letter_url(page, size=None):
    url = f"/api/v1/pages/{page.pk}/letters/{page.body[0].id}.pdf"
    return f"{url}?size={size}" if size else url


@pytest.fixture
def appeal_page():
    cache.clear()
    return publish_appeal()


@pytest.fixture
def renders(monkeypatch):
    """The papers of the letters made, in order."""
    made = []
    real = rendering.render

    def counting(letter, paper):
        made.append(paper)
        return real(letter, paper)

    monkeypatch.setattr("caseblocks.letters.store.render", counting)
    return made


def test_the_block_in_the_api_links_its_letter(client, appeal_page):
    value = client.get(f"/api/v1/pages/{appeal_page.pk}/").json()["body"][0]["value"]
    assert value["letter"] == {
        "a4": letter_url(appeal_page, "a4"),
        "letter": letter_url(appeal_page, "letter"),
    }
    v2 = client.get(f"/api/v2/pages/{appeal_page.pk}/").json()["body"][0]["value"]
    assert v2["letter"] == value["letter"]


def test_the_openapi_document_types_the_letter(client):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    letter = components["AppealAddressValue"]["properties"]["letter"]
    assert {"$ref": "#/components/schemas/LetterLinksValue"} in letter["anyOf"]
    assert components["LetterLinksValue"]["required"] == ["a4", "letter"]
    operation = schema["paths"]["/api/v1/pages/{page_id}/letters/{block_id}.pdf"]["get"]
    assert "application/pdf" in operation["responses"]["200"]["content"]
    # Nothing about the supporter is asked for: the page, the block, the paper.
    assert {p["name"] for p in operation["parameters"]} == {
        "page_id",
        "block_id",
        "size",
    }
    assert "requestBody" not in operation


def test_a_block_that_offers_no_letter_links_none(client):
    page = publish_appeal(slug="no-letter", offer_letter=False)
    value = client.get(f"/api/v1/pages/{page.pk}/").json()["body"][0]["value"]
    assert value["letter"] is None
    assert client.get(letter_url(page)).status_code == 404


@pytest.mark.parametrize(
    ("size", "mm"), [("a4", (210, 297)), ("letter", (215.9, 279.4))]
)
def test_the_letter_is_a_pdf_on_the_paper_asked_for(client, appeal_page, size, mm):
    response = client.get(letter_url(appeal_page, size))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="azimjan-askarov-letter-{size}.pdf"'
    )
    assert "public" in response["Cache-Control"]
    assert paper_mm(response.content) == mm
    assert "Dear President" in text(response.content)


def test_a4_is_the_default_and_an_unknown_paper_is_a_400_naming_it(client, appeal_page):
    assert paper_mm(client.get(letter_url(appeal_page)).content) == (210, 297)
    response = client.get(letter_url(appeal_page, "a3"))
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "size"


def test_a_client_holding_the_letter_gets_a_304(client, appeal_page):
    first = client.get(letter_url(appeal_page))
    again = client.get(letter_url(appeal_page), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again["ETag"] == first["ETag"]


def answer(response):
    headers = {
        name: value
        for name, value in response.headers.items()
        if name not in ("Date", "Content-Length")
    }
    return response.status_code, response.content, headers


def test_hidden_and_missing_letters_answer_the_same(client, appeal_page):
    missing_page = client.get(
        f"/api/v1/pages/999999/letters/{appeal_page.body[0].id}.pdf"
    )
    missing_block = client.get(f"/api/v1/pages/{appeal_page.pk}/letters/nothing.pdf")
    huge_id = client.get(f"/api/v1/pages/{2**40}/letters/x.pdf")
    # Cached while public, then restricted: the cache must not keep serving it.
    assert client.get(letter_url(appeal_page)).status_code == 200
    PageViewRestriction.objects.create(
        page=appeal_page, restriction_type="password", password="secret"
    )
    private = client.get(letter_url(appeal_page))
    draft = publish_appeal(slug="unpublished")
    assert client.get(letter_url(draft)).status_code == 200
    draft.unpublish()
    unpublished = client.get(letter_url(draft))
    assert missing_page.status_code == 404
    assert huge_id.status_code in (400, 404)
    for response in (missing_block, private, unpublished):
        assert answer(response) == answer(missing_page)


def test_a_letter_is_made_once_per_revision_and_paper(client, appeal_page, renders):
    client.get(letter_url(appeal_page, "a4"))
    client.get(letter_url(appeal_page, "a4"))
    client.get(letter_url(appeal_page, "letter"))
    assert renders == ["a4", "letter"]
    # A new revision is a new letter, never the old one from the cache.
    appeal_page.body[0].value["salutation"] = "Dear Mr President"
    appeal_page.save_revision().publish()
    response = client.get(letter_url(appeal_page, "a4"))
    assert renders == ["a4", "letter", "a4"]
    assert "Dear Mr President" in text(response.content)


def test_the_content_event_drops_the_cached_letters(client, appeal_page, renders):
    client.get(letter_url(appeal_page))
    content_changed.send(
        sender=ContentChange,
        change=ContentChange(Change.MOVED, frozenset({appeal_page.pk})),
    )
    client.get(letter_url(appeal_page))
    assert renders == ["a4", "a4"]


def test_a_publish_leaves_the_letter_stamp_alone(appeal_page, monkeypatch):
    # The new live revision in the key is what retires the old letters.
    from caseblocks.letters import store

    forgotten = []
    monkeypatch.setattr(store, "forget_letters", forgotten.append)
    content_changed.send(
        sender=ContentChange,
        change=ContentChange(Change.PUBLISHED, frozenset({appeal_page.pk})),
    )
    assert forgotten == []


def test_each_language_version_has_its_own_letter(client, appeal_page, renders):
    from wagtail.models import Locale

    chinese = Locale.objects.get_or_create(language_code="zh-hant")[0]
    translation = appeal_page.copy_for_translation(chinese, copy_parents=True)
    translation.body[0].value["salutation"] = "總統閣下"
    translation.save_revision().publish()
    translation.refresh_from_db()
    english = client.get(letter_url(appeal_page)).content
    response = client.get(letter_url(translation))
    assert renders == ["a4", "a4"]
    assert "總統閣下" in text(response.content)
    assert "Dear President" in text(english)
    # The address goes out as written, whatever the language.
    assert "Government House" in text(response.content)

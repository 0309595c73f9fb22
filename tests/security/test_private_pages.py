"""Private pages are never named in public: not by a link, a teaser, a field, a
document link or the answer at their own address, in API v1 and v2 alike."""

import pytest
import wagtail_factories

from django.contrib.auth.models import Group

from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from cms.api.fields import relation_reader
from cms.models import NewsPage
from tests.factories import CasePageFactory, CountryPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db

SECRET = "ulugbek-secret"  # the hidden case's slug: a person's name
KINDS = [
    PageViewRestriction.PASSWORD,
    PageViewRestriction.LOGIN,
    PageViewRestriction.GROUPS,
]


def restrict(page, kind):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="x" if kind == "password" else ""
    )
    if kind == PageViewRestriction.GROUPS:
        restriction.groups.add(Group.objects.get_or_create(name="Vetted")[0])
    return restriction


def hidden_case(country, how):
    """A case a visitor may not read: a draft, restricted, or below a restricted page."""
    if how == "draft":
        return CasePageFactory(slug=SECRET, country=country, live=False)
    if how == "below":
        parent = CasePageFactory(slug="a-section", country=country)
        restrict(parent, PageViewRestriction.PASSWORD)
        return CasePageFactory(slug=SECRET, country=country, parent=parent)
    page = CasePageFactory(slug=SECRET, country=country)
    restrict(page, how)
    return page


HOW = ["draft", *KINDS, "below"]


@pytest.fixture
def country(db):
    return CountryPageFactory(title="Kazakhstan", iso_code="KZ", slug="kazakhstan")


def body_linking(target, kind="page"):
    return [("rich_text", f'<p>See <a linktype="{kind}" id="{target.pk}">it</a>.</p>')]


def rich_text(page_json):
    return next(b["value"] for b in page_json["body"] if b["type"] == "rich_text")


@pytest.mark.parametrize("how", HOW)
def test_a_link_to_a_page_no_visitor_may_read_loses_its_target(client, country, how):
    target = hidden_case(country, how)
    page = CasePageFactory(country=country, body=body_linking(target))

    for url in (f"/api/v1/pages/{page.pk}/", f"/api/v2/pages/{page.pk}/"):
        response = client.get(url)
        assert rich_text(response.json()) == "<p>See <a>it</a>.</p>", url
        assert SECRET.encode() not in response.content, url


def test_a_link_to_a_public_page_keeps_its_target(client, country):
    target = CasePageFactory(slug="public-case", country=country)
    page = CasePageFactory(country=country, body=body_linking(target))

    body = client.get(f"/api/v1/pages/{page.pk}/").json()
    assert 'href="/en/cases/public-case/"' in rich_text(body)


def test_a_document_link_into_a_restricted_collection_loses_its_target(client, country):
    private = Collection.get_first_root_node().add_child(name="Family letters")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type="password", password="x"
    )
    below = private.add_child(name="2024")
    hidden = wagtail_factories.DocumentFactory(
        collection=below, file__filename="ulugbek-letter.pdf"
    )
    shown = wagtail_factories.DocumentFactory(file__filename="annual-report.pdf")
    body = body_linking(hidden, "document") + body_linking(shown, "document")
    page = CasePageFactory(country=country, body=body)

    for url in (f"/api/v1/pages/{page.pk}/", f"/api/v2/pages/{page.pk}/"):
        response = client.get(url)
        assert b"ulugbek-letter" not in response.content, url
        assert b"<a>it</a>" in response.content, url
        assert b"annual-report" in response.content, url


@pytest.mark.parametrize("kind", KINDS)
def test_teasers_and_fields_never_name_a_restricted_page(client, kind):
    country = CountryPageFactory(title="Ulugbekistan", iso_code="UZ")
    restrict(country, kind)
    case = CasePageFactory(country=country, slug="public-case")
    hidden = hidden_case(CountryPageFactory(iso_code="KZ"), kind)
    news = NewsPageFactory()
    news.countries.set([country])
    news.related_cases.set([case, hidden])
    news.save()

    listing = client.get("/api/v1/pages/?type=case").json()["items"]
    assert [item["countries"] for item in listing if item["id"] == case.pk] == [[]]
    assert client.get(f"/api/v1/pages/{case.pk}/").json()["country"] is None
    news_teaser = client.get("/api/v1/pages/?type=news").json()["items"][0]
    assert news_teaser["countries"] == []
    assert client.get(f"/api/v2/pages/{case.pk}/").json()["country"] is None
    # A list of pages in a field (none is in the API yet) leaves them out.
    related = relation_reader(NewsPage._meta.get_field("related_cases"))
    assert [ref["id"] for ref in related.read(news, {})] == [case.pk]
    for url in ("/api/v1/pages/", "/api/v2/pages/?type=cms.NewsPage&fields=*"):
        response = client.get(url)
        assert b"Ulugbekistan" not in response.content, url
        assert SECRET.encode() not in response.content, url


def same_answer(client, hidden_url, missing_url):
    hidden, missing = client.get(hidden_url), client.get(missing_url)
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content == missing.content
    assert dict(hidden.headers) == dict(missing.headers)


@pytest.mark.parametrize("kind", KINDS)
def test_a_restricted_page_answers_like_a_page_that_does_not_exist(
    client, country, kind
):
    page = hidden_case(country, kind)
    missing = 2_000_000_000

    same_answer(client, f"/cases/{SECRET}/", "/cases/nobody-here/")
    same_answer(
        client,
        f"/api/v1/pages/find/?path=/en/cases/{SECRET}/",
        "/api/v1/pages/find/?path=/en/cases/nobody-here/",
    )
    same_answer(client, f"/api/v1/pages/{page.pk}/", f"/api/v1/pages/{missing}/")
    same_answer(
        client,
        f"/api/v2/pages/find/?html_path=/cases/{SECRET}/",
        "/api/v2/pages/find/?html_path=/cases/nobody-here/",
    )
    same_answer(client, f"/api/v2/pages/{page.pk}/", f"/api/v2/pages/{missing}/")


def test_the_password_form_is_at_its_own_address(client, country):
    page = hidden_case(country, PageViewRestriction.PASSWORD)
    restriction = PageViewRestriction.objects.get(page=page)
    form = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"

    response = client.get(form)
    assert response.status_code == 200
    assert b"Password required" in response.content
    assert SECRET.encode() not in response.content
    entered = client.post(form, {"password": "x", "return_url": f"/cases/{SECRET}/"})
    assert entered.status_code == 302
    # Past the password, the page's URL sends the reader on as for any page...
    assert client.get(f"/cases/{SECRET}/").status_code == 302
    # ...while the public APIs still answer as to anyone: they never show it.
    assert client.get(f"/api/v1/pages/{page.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404

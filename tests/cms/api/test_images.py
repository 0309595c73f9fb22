"""Images in the API: what they show, renditions for srcset, signed URLs."""

import pytest
import wagtail_factories
from PIL import features

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from cms import images
from cms.images import signed_url
from tests.factories import CasePageFactory

Rendition = get_image_model().get_rendition_model()


@pytest.fixture(autouse=True)
def modern_formats(settings):
    """AVIF as well as WebP, as outside the tests (the test settings skip AVIF)."""
    settings.CASEBOOK_IMAGES = {"FORMATS": ["avif", "webp"]}


@pytest.fixture
def photo(db):
    return wagtail_factories.ImageFactory(
        title="Portrait",
        description="A woman at a window",
        file__width=800,
        file__height=600,
        focal_point_x=200,
        focal_point_y=150,
        focal_point_width=100,
        focal_point_height=80,
    )


@pytest.fixture
def case(photo):
    return CasePageFactory(slug="with-photo", photo=photo)


def teaser_image(client):
    items = client.get("/api/v1/pages/?type=case").json()["items"]
    return items[0]["image"]


@pytest.mark.django_db
def test_an_image_carries_alt_text_size_and_focal_point(client, case):
    image = teaser_image(client)
    assert image["alt_text"] == "A woman at a window"
    assert (image["width"], image["height"]) == (800, 600)
    assert image["focal_point"] == {"x": 200, "y": 150, "width": 100, "height": 80}


@pytest.mark.django_db
def test_a_block_image_carries_the_blocks_alt_text(client, photo):
    body = [
        (
            "image",
            {
                "image": photo,
                "alt_text": "Supporters outside the court",
                "decorative": False,
                "caption": "",
                "credit": "",
            },
        )
    ]
    page = CasePageFactory(slug="with-block", body=body)
    value = client.get(f"/api/v1/pages/{page.pk}/").json()["body"][0]["value"]
    assert value["image"]["alt_text"] == "Supporters outside the court"


@pytest.mark.django_db
def test_sources_offer_modern_formats_first_and_the_own_format_last(client, case):
    image = teaser_image(client)
    formats = [source["format"] for source in image["sources"]]
    modern = [name for name in ("avif", "webp") if features.check(name)]
    assert formats == [*modern, "jpeg"]  # the factory's image is a JPEG
    for source in image["sources"]:
        widths = [r["width"] for r in source["renditions"]]
        # 800 pixels wide: 1024 and 1600 would enlarge it, so 800 is offered once.
        assert widths == [320, 640, 800]
        assert source["srcset"] == ", ".join(
            f"{r['url']} {r['width']}w" for r in source["renditions"]
        )
        extensions = {"jpeg": {"jpg", "jpeg"}}.get(source["format"], {source["format"]})
        for rendition in source["renditions"]:
            assert rendition["url"].rsplit(".", 1)[-1] in extensions
    assert image["src"] == image["sources"][-1]["renditions"][-1]


@pytest.mark.django_db
def test_widths_are_a_setting(client, case, settings):
    settings.CASEBOOK_IMAGES = {"WIDTHS": [100, 200], "FORMATS": ["webp"]}
    image = teaser_image(client)
    assert [s["format"] for s in image["sources"]] == ["webp", "jpeg"]
    assert [r["width"] for r in image["sources"][0]["renditions"]] == [100, 200]


@pytest.mark.django_db
def test_urls_are_absolute_when_media_is_on_another_host(client, case, settings):
    settings.MEDIA_URL = "https://media.example.org/files/"
    image = teaser_image(client)
    urls = [image["src"]["url"], image["renditions"]["thumbnail"]["url"]]
    urls += [r["url"] for s in image["sources"] for r in s["renditions"]]
    assert all(
        url.startswith("https://media.example.org/files/images/") for url in urls
    )


@pytest.mark.django_db
def test_urls_are_paths_when_media_is_on_the_cms_host(client, case):
    assert teaser_image(client)["src"]["url"].startswith("/media/images/")


@pytest.mark.django_db
def test_a_listing_makes_renditions_once_and_reuses_them(client, photo, settings):
    settings.CASEBOOK_IMAGES = {"FORMATS": ["webp"]}
    for number in range(5):
        CasePageFactory(slug=f"case-{number}", photo=photo)
    client.get("/api/v1/pages/?type=case")
    made = Rendition.objects.count()
    assert made == 3 + 2 * 3  # three named sizes; WebP and JPEG at 320, 640, 800

    def uncached_listing():
        cache.clear()  # neither the API's cache nor Wagtail's rendition cache helps
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/api/v1/pages/?type=case").status_code == 200
        return len(queries)

    second = uncached_listing()
    assert Rendition.objects.count() == made
    for number in range(5, 25):
        CasePageFactory(slug=f"case-{number}", photo=wagtail_factories.ImageFactory())
    client.get("/api/v1/pages/?type=case&limit=30")
    assert uncached_listing() == second  # 25 pages cost what 5 did, renditions too


@pytest.mark.django_db
def test_a_signed_url_serves_the_size_it_names(client, case):
    url = teaser_image(client)["signed_urls"]["square"]
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"
    rendition = Rendition.objects.get(filter_spec="fill-600x600")
    assert (rendition.width, rendition.height) == (600, 600)


@pytest.mark.django_db
def test_signed_urls_show_no_image_a_visitor_may_not_see(client, case, photo):
    good = signed_url(photo, "fill-100x100")
    forged = good.replace("fill-100x100", "fill-101x101")
    draft_only = wagtail_factories.ImageFactory()
    draft_page = CasePageFactory(slug="draft", photo=draft_only, live=False)
    assert not draft_page.live
    unused = signed_url(draft_only, "fill-100x100")
    missing = good.replace(f"/{photo.pk}/", "/999999/")
    answers = [client.get(url) for url in (forged, unused, missing)]
    assert {(a.status_code, a.content, a["Content-Type"]) for a in answers} == {
        (404, b"Not found", "text/plain")
    }
    assert client.get(good).status_code == 200
    PageViewRestriction.objects.create(
        page=case, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert client.get(good).status_code == 404


@pytest.mark.django_db
def test_the_serve_view_is_rate_limited_per_client(client, case, photo, settings):
    settings.CASEBOOK_IMAGES = {"SERVE_RATE_LIMIT": "3/60", "FORMATS": []}
    url = signed_url(photo, "fill-50x50")
    codes = [client.get(url).status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]
    other = client.get(url, REMOTE_ADDR="192.0.2.9")
    assert other.status_code == 200


@pytest.mark.django_db
def test_signed_urls_take_an_origin(client, case, settings):
    settings.CASEBOOK_IMAGES = {
        "SERVE_ORIGIN": "https://cms.example.org/",
        "FORMATS": [],
    }
    url = teaser_image(client)["signed_urls"]["social"]
    assert url.startswith("https://cms.example.org/images/")
    assert url.endswith("/fill-1200x630/")


def test_only_formats_pillow_writes_are_offered(monkeypatch, settings):
    monkeypatch.setattr(images, "pillow_writes", lambda name: name == "webp")
    settings.CASEBOOK_IMAGES = {"FORMATS": ["avif", "webp"]}
    assert images.modern_formats() == ["webp"]

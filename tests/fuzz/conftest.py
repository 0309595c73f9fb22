"""Real content for the fuzzer to reach: public pages in two locales, an open
action, and what must never come back from a public endpoint: a draft, a private
page, the unpublished edit of a live page and a supporter's personal data.

The content is made once per module, in a transaction rolled back at its end;
each test runs in a savepoint inside it (pytest-django's ``db``), so what a test
writes, such as submissions, is gone before the next.
"""

from dataclasses import dataclass, field

import pytest
import wagtail_factories

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client

from wagtail.images.models import Image
from wagtail.models import Locale, PageViewRestriction

from cms.paths import page_path
from cms.preview import make_token
from tests.factories import (
    CampaignPageFactory,
    CasePageFactory,
    CountryPageFactory,
    NewsPageFactory,
)
from tests.factories.blocks import (
    action_form_data,
    appeal_address_data,
    with_target_records,
)

ACTION_ID = "fuzz-action"
SUPPORTER = {
    "name": "Supporter 7f3a",
    "email": "supporter-7f3a@example.org",
    "country": "IT",
    "consent": True,
}
# What no public endpoint may show.
SECRETS = (
    "Unpublished draft 7f3a",
    "Private case 7f3a",
    "Draft edit 7f3a",
    SUPPORTER["name"],
    SUPPORTER["email"],
)


@dataclass
class Known:
    """Values that exist in the database, for the fuzzer to mix into its own."""

    page_ids: list = field(default_factory=list)
    iso_codes: list = field(default_factory=list)
    action_ids: list = field(default_factory=list)
    paths: list = field(default_factory=list)
    tokens: list = field(default_factory=list)
    tags: list = field(default_factory=list)
    words: list = field(default_factory=list)
    includes: list = field(default_factory=list)
    types: list = field(default_factory=list)
    editor_session: str = ""
    html_paths: list = field(default_factory=list)  # Wagtail's own, for API v2
    image_ids: list = field(default_factory=list)
    campaigns: list = field(default_factory=list)  # ids and slugs
    block_ids: list = field(default_factory=list)  # appeal addresses, for letters


KNOWN = Known()


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, locale):
    return publish(page.copy_for_translation(locale, copy_parents=True))


def make_content():
    italian = Locale.objects.get_or_create(language_code="it")[0]
    country = publish(
        CountryPageFactory(title="Kazakhstan", iso_code="KZ", slug="kazakhstan")
    )
    other = publish(CountryPageFactory(title="Uzbekistan", iso_code="UZ"))
    case = CasePageFactory(
        title="Free Erzhan Elshibayev",
        slug="erzhan-elshibayev",
        person_name="Erzhan Elshibayev",
        country=country,
        live=False,
        body=[
            ("heading", {"text": "Write now", "level": "h2"}),
            (
                "image",
                {
                    "image": wagtail_factories.ImageFactory(title="Portrait"),
                    "alt_text": "A portrait",
                    "decorative": False,
                    "caption": "",
                    "credit": "",
                },
            ),
            ("rich_text", "<p>Arrested in 2019.</p>"),
            ("appeal_address", appeal_address_data()),
            ("action_form", with_target_records(action_form_data(action_id=ACTION_ID))),
        ],
    )
    case.tags.add("journalist")
    campaign = publish(CampaignPageFactory(slug="write-for-rights-2014"))
    case.campaigns.set([campaign])
    publish(case)
    news = NewsPageFactory(title="A letter from prison", slug="letter")
    news.countries.set([country])
    publish(news)
    translated = [translate(page, italian) for page in (country, case, news)]
    draft = CasePageFactory(title=SECRETS[0], country=country, live=False)
    private = publish(CasePageFactory(title=SECRETS[1], country=country))
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    news.title = SECRETS[2]
    news.save_revision()
    public = [country, other, case, news, *translated, campaign]
    return public, [draft, private]


def sign_in_editor():
    """A superuser's session key."""
    editor = get_user_model().objects.create_superuser("editor", password="x")
    client = Client()
    client.force_login(editor)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture(scope="module")
def site_content(django_db_setup, django_db_blocker):
    """Make the content and fill ``KNOWN``; yields ``KNOWN``."""
    with django_db_blocker.unblock(), transaction.atomic():
        public, hidden = make_content()
        response = Client().post(
            f"/api/v1/actions/{ACTION_ID}/submissions",
            SUPPORTER,
            content_type="application/json",
        )
        assert response.status_code == 202, response.content
        KNOWN.page_ids[:] = [page.pk for page in (*public, *hidden)]
        KNOWN.iso_codes[:] = ["KZ", "UZ", "kz"]
        KNOWN.action_ids[:] = [ACTION_ID]
        KNOWN.paths[:] = [page_path(page) for page in public]
        KNOWN.tokens[:] = [make_token(page) for page in (public[2], *hidden)]
        KNOWN.tags[:] = ["journalist"]
        KNOWN.campaigns[:] = ["write-for-rights-2014", str(public[-1].pk)]
        KNOWN.words[:] = ["Elshibayev", "prison", "Kazakhstan"]
        KNOWN.includes[:] = ["cases", "news", "cases,news"]
        KNOWN.types[:] = ["case", "news", "country"]
        KNOWN.editor_session = sign_in_editor()
        # Below the home page: how Wagtail's router finds a page from the site root.
        KNOWN.html_paths[:] = ["/" + page.url_path.split("/", 2)[2] for page in public]
        KNOWN.image_ids[:] = list(Image.objects.values_list("pk", flat=True))
        KNOWN.block_ids[:] = [
            block.id
            for page in public
            for block in getattr(page.specific, "body", None) or ()
            if block.block_type == "appeal_address"
        ]
        yield KNOWN
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def loose_rate_limits(settings):
    """Submissions reach validation and storage, not a 429 after the first few."""
    settings.CASEBOOK_ACTIONS = {
        "RATE_LIMITS": {"ADDRESS": ["100000/60"], "EMAIL": ["100000/60"]}
    }

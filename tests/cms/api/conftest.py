import datetime

import pytest
import wagtail_factories

from cms.models import CaseStatus
from tests.factories import CasePageFactory, CountryPageFactory, NewsPageFactory


@pytest.fixture
def country(db):
    return CountryPageFactory(title="Kazakhstan", iso_code="KZ", slug="kazakhstan")


@pytest.fixture
def image(db):
    return wagtail_factories.ImageFactory(title="Portrait")


def body_of(image, link_to=None):
    """A stream with one of each case block."""
    link = f'<a linktype="page" id="{link_to.pk}">the country</a>' if link_to else ""
    return [
        ("heading", {"text": "What happened", "level": "h2"}),
        ("rich_text", f"<p>Arrested in 2010. See {link}.</p>"),
        (
            "quote",
            {
                "text": "Thank you.",
                "speaker": "Erkin Musaev",
                "speaker_role": "",
                "date": datetime.date(2017, 8, 23),
                "source": "",
                "source_url": "",
            },
        ),
        (
            "image",
            {
                "image": image,
                "alt_text": "A portrait",
                "decorative": False,
                "caption": "",
                "credit": "Family photo",
            },
        ),
        (
            "key_facts",
            {"heading": "", "facts": [{"label": "Sentence", "value": "Life"}]},
        ),
        (
            "timeline",
            {
                "heading": "",
                "events": [
                    {
                        "date": datetime.date(2010, 6, 15),
                        "precision": "day",
                        "title": "Detained",
                        "description": "",
                    }
                ],
            },
        ),
        (
            "appeal_address",
            {
                "recipient": "The President",
                "position": "",
                "organisation": "",
                "address_lines": "Government House",
                "city": "Astana",
                "postcode": "",
                "country": "Kazakhstan",
                "fax": "",
                "email": "",
                "salutation": "Dear President",
                "ask": "Release him.",
            },
        ),
    ]


@pytest.fixture
def case_page(country, image):
    return CasePageFactory(
        title="Erzhan Elshibayev",
        slug="erzhan-elshibayev",
        person_name="Erzhan Elshibayev",
        country=country,
        photo=image,
        status=CaseStatus.IMPRISONED,
        body=body_of(image, link_to=country),
    )


@pytest.fixture
def news_page(country):
    news = NewsPageFactory(title="A letter from prison", slug="letter")
    news.countries.set([country])
    news.save_revision().publish()
    return news

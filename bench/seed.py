"""Seed the benchmark database: case pages with a dozen realistic blocks each, and
news posts that name them (one for every ten cases, each naming a dozen)."""

import datetime
import random

import wagtail_factories

from django.utils import timezone

from wagtail.models import Page

from cms.models import (
    CaseIndexPage,
    CasePage,
    CaseStatus,
    CountryIndexPage,
    CountryPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
)

COUNTRIES = [
    ("KZ", "Kazakhstan"),
    ("UZ", "Uzbekistan"),
    ("KG", "Kyrgyzstan"),
    ("AZ", "Azerbaijan"),
]


def body(rng, image, country):
    link = f'<a linktype="page" id="{country.pk}">{country.title}</a>'
    return [
        ("heading", {"text": "What happened", "level": "h2"}),
        (
            "rich_text",
            f"<p>Detained after reporting on abuses in {link}. "
            + "Words " * 60
            + "</p>",
        ),
        (
            "quote",
            {
                "text": "Your letters kept me going. " * 4,
                "speaker": "Erkin Musaev",
                "speaker_role": "Former prisoner",
                "date": datetime.date(2017, 8, 23),
                "source": "Letter of thanks",
                "source_url": "",
            },
        ),
        (
            "image",
            {
                "image": image,
                "alt_text": "A portrait",
                "decorative": False,
                "caption": "In 2009",
                "credit": "Family photo",
            },
        ),
        ("rich_text", "<p>" + "The trial lasted a day. " * 20 + "</p>"),
        (
            "key_facts",
            {
                "heading": "At a glance",
                "facts": [
                    {"label": "Sentence", "value": "Life imprisonment"},
                    {"label": "Held in", "value": "Prison No. 47"},
                ],
            },
        ),
        ("heading", {"text": "Timeline", "level": "h2"}),
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
                    },
                    {
                        "date": datetime.date(2011, 12, 1),
                        "precision": "month",
                        "title": "Sentence upheld",
                        "description": "",
                    },
                ],
            },
        ),
        (
            "quote",
            {
                "text": "He must be released.",
                "speaker": "A spokesperson",
                "speaker_role": "Director",
                "date": None,
                "source": "",
                "source_url": "",
            },
        ),
        ("rich_text", "<p>" + "Supporters wrote letters. " * 15 + "</p>"),
        (
            "appeal_address",
            {
                "recipient": "The President",
                "position": "President",
                "organisation": "",
                "address_lines": "Government House\n1 Main Street",
                "city": "Astana",
                "postcode": "010000",
                "country": country.title,
                "fax": "+77172000000",
                "email": "",
                "salutation": "Dear President",
                "ask": "Release him immediately and unconditionally.",
            },
        ),
        ("heading", {"text": "Take action", "level": "h2"}),
    ]


def seed(count):
    rng = random.Random(1)
    home = HomePage.objects.first()
    countries_index = home.add_child(
        instance=CountryIndexPage(title="Countries", slug="countries")
    )
    cases_index = home.add_child(instance=CaseIndexPage(title="Cases", slug="cases"))
    countries = [
        countries_index.add_child(
            instance=CountryPage(
                title=name,
                slug=name.lower(),
                iso_code=iso,
                region="europe_central_asia",
                summary=f"Human rights in {name}.",
                first_published_at=timezone.now(),
            )
        )
        for iso, name in COUNTRIES
    ]
    image = wagtail_factories.ImageFactory(
        title="Portrait", file__width=1200, file__height=900
    )
    for n in range(count):
        country = countries[n % len(countries)]
        cases_index.add_child(
            instance=CasePage(
                title=f"Prisoner of conscience {n}",
                slug=f"case-{n}",
                person_name=f"Person {n}",
                summary="A human rights defender serving a life sentence.",
                country=country,
                photo=image,
                status=rng.choice(CaseStatus.values),
                first_published_at=timezone.now(),
                body=body(rng, image, country),
            )
        )
    seed_news(home, countries, count // 10)
    return list(
        CasePage.objects.values_list("pk", flat=True)[:200]
    ), Page.objects.count()


def seed_news(home, countries, count):
    """News posts, each naming its country and a dozen of the first cases."""
    index = home.add_child(instance=NewsIndexPage(title="News", slug="news"))
    named = list(CasePage.objects.order_by("pk")[:12])
    for n in range(count):
        post = index.add_child(
            instance=NewsPage(
                title=f"News {n}",
                slug=f"news-{n}",
                summary="A prisoner writes from jail.",
                published_at=timezone.now() - datetime.timedelta(days=n),
                first_published_at=timezone.now(),
            )
        )
        post.countries.set([countries[n % len(countries)]])
        post.related_cases.set(named)
        post.save()

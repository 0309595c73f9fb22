"""An editor's process, apart from the workers: seeds the pages and changes them.

``python -m tests.cms.api.workers.editor seed`` migrates and prints the pages'
ids as JSON; ``publish <id> <title>``, ``unpublish <id>`` and ``restrict <id>``
change one page as the admin would, so the content event is sent when the
change commits, from this process.
"""

import json
import sys

import django


def seed():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from tests.factories import (
        CampaignPageFactory,
        CasePageFactory,
        CountryPageFactory,
    )

    country = CountryPageFactory(title="Kazakhstan", iso_code="KZ", slug="kazakhstan")
    other = CountryPageFactory(title="Uzbekistan", iso_code="UZ", slug="uzbekistan")
    campaign = CampaignPageFactory(title="Write for Rights", slug="w4r")
    changed = CasePageFactory(title="Erzhan Elshibayev", slug="erzhan", country=country)
    neighbour = CasePageFactory(title="Aigul Utepova", slug="aigul", country=country)
    unrelated = CasePageFactory(title="Dilmurod Saiid", slug="dilmurod", country=other)
    for page in (changed, neighbour):
        page.campaigns.set([campaign])
    for page in (country, other, campaign, changed, neighbour, unrelated):
        page.save_revision().publish()
    print(  # noqa: T201 - the ids go to the test that started this process
        json.dumps(
            {
                "changed": changed.pk,
                "neighbour": neighbour.pk,
                "unrelated": unrelated.pk,
                "country": country.pk,
            }
        )
    )


def change(verb, pk, *rest):
    from wagtail.models import Page, PageViewRestriction

    page = Page.objects.get(pk=int(pk)).specific
    if verb == "publish":
        page.title = rest[0]
        page.save_revision().publish()
    elif verb == "unpublish":
        page.unpublish()
    elif verb == "restrict":
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )


if __name__ == "__main__":
    django.setup()
    if sys.argv[1] == "seed":
        seed()
    else:
        change(*sys.argv[1:])

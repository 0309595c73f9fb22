from django.core.management.base import BaseCommand

from wagtail.models import Page

from caseblocks.actions.placement import refresh_placements
from caseblocks.models import PlacedAction


class Command(BaseCommand):
    help = (
        "Rebuild the lookup of action forms from every live page. Publishing keeps "
        "it up to date; run this after importing pages without publishing them."
    )

    def handle(self, *args, **options):
        PlacedAction.objects.exclude(page__live=True).delete()
        for page in Page.objects.live().specific().iterator(chunk_size=200):
            refresh_placements(page)
        self.stdout.write(f"{PlacedAction.objects.count()} placed actions.")

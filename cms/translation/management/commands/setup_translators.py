from django.core.management.base import BaseCommand

from cms.translation.translators import setup_translators


class Command(BaseCommand):
    help = (
        "Create the content locales and a translators' group per locale, allowed "
        "to translate and publish only that locale's pages. Safe to run again."
    )

    def handle(self, *args, **options):
        for name, root in setup_translators().items():
            where = (
                f"pages below '{root.title}' ({root.pk})" if root else "no pages yet"
            )
            self.stdout.write(f"{name}: {where}")

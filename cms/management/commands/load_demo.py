"""``manage.py load_demo``: the demo site, in four languages, from the seed documents."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms.demo.build import build_demo
from cms.demo.users import USERNAME, demo_password, ensure_admin


class Command(BaseCommand):
    help = (
        "Load the demo content (countries, cases, news in en, zh-hant, it, ru) and "
        "make an 'admin' superuser if there is none. Safe to run again: existing "
        "pages are left as they are unless --update is given. The password is "
        "DEMO_ADMIN_PASSWORD (default 'casebook-demo'), so the command refuses to "
        "run with DEBUG off unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (it makes an account with a known password).",
        )
        parser.add_argument(
            "--update",
            action="store_true",
            help="Rewrite demo pages whose content differs from the demo's.",
        )

    def handle(self, *args, force=False, update=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this would make an admin account with a known password. "
                "Pass --force if this really is a demo site."
            )
        with transaction.atomic():
            stats = build_demo(update=update)
            user, created = ensure_admin()
        self.stdout.write(
            "Demo content: {} pages created, {} updated, {} unchanged; "
            "{} partner organisations created.".format(
                stats["pages created"],
                stats["pages updated"],
                stats["pages unchanged"],
                stats["partners created"],
            )
        )
        self.stdout.write(self.login_line(user, created))

    def login_line(self, user, created):
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        password = demo_password()
        if not created and not user.check_password(password):
            password = "(changed since the demo made it)"  # noqa: S105
        return f"Admin: {base_url}/admin/  user: {USERNAME}  password: {password}"

"""``manage.py load_demo``: the demo site, in four languages, from the seed documents."""

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from cms.demo.build import build_demo
from cms.demo.users import PASSWORD_VARIABLE, ensure_demo_users


class Command(BaseCommand):
    help = (
        "Load the demo content (countries, cases, news in en, zh-hant, it, ru) and "
        "the demo accounts: an 'admin' superuser, an editor and, with the "
        "translation plugin, an Italian and a Traditional Chinese translator. Safe "
        "to run again: existing pages are left as they are unless --update is "
        "given. The admin's password is DEMO_ADMIN_PASSWORD (default "
        "'casebook-demo'); the others' is CASEBOOK_DEMO_PASSWORD, or a random one "
        "printed once, so the command refuses to run with DEBUG off unless --force "
        "is given. Addresses are printed under WAGTAILADMIN_BASE_URL."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with DEBUG off (it makes accounts with known passwords).",
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
            logins = ensure_demo_users()
        self.stdout.write(
            "Demo content: {} pages created, {} updated, {} unchanged; "
            "{} partner organisations created.".format(
                stats["pages created"],
                stats["pages updated"],
                stats["pages unchanged"],
                stats["partners created"],
            )
        )
        for line in self.address_lines():
            self.stdout.write(line)
        for login in logins:
            self.stdout.write(self.login_line(login))

    def address_lines(self):
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        lines = [
            f"Site:     {base_url}/",
            f"API docs: {base_url}/api/docs",
        ]
        if apps.is_installed("cms.outbox"):
            lines.append(
                f"Mail:     {base_url}/admin/outbox/ (sent mail, for the admin; "
                f"plain text at {base_url}/dev/outbox/)"
            )
        lines.append("Try it:   README.md, 'Try it'")
        return lines

    def login_line(self, login):
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        if login.password is not None:
            password = login.password
        else:
            # Never printed again: set the variable to choose it, and run again.
            password = f"(printed when it was made; set {PASSWORD_VARIABLE} to reset)"
        return (
            f"{login.role}: {base_url}/admin/  "
            f"user: {login.username}  password: {password}"
        )

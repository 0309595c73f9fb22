"""The demo's accounts: the admin, an editor and, with a translation plugin, translators.

The admin's password is ``DEMO_ADMIN_PASSWORD`` (default ``casebook-demo``), as it
always was. The other accounts take ``CASEBOOK_DEMO_PASSWORD`` when it is set (and
are given it again if it changes); otherwise each gets a random password when it is
made, printed by that run of ``load_demo`` only. To see a password again, set
``CASEBOOK_DEMO_PASSWORD`` and rerun ``load_demo``.
"""

import os
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail import hooks

USERNAME = "admin"
DEFAULT_PASSWORD = "casebook-demo"  # noqa: S105 - a demo account, refused when DEBUG is off
PASSWORD_VARIABLE = "CASEBOOK_DEMO_PASSWORD"  # noqa: S105 - the variable's name
EDITOR = "editor"
# Wagtail's own group (its first migration makes it): edits pages, and has none of
# the permissions on supporters' data or action targets.
EDITORS_GROUP = "Editors"
TRANSLATORS = {"it": "translator-it", "zh-hant": "translator-zh-hant"}
GROUPS_HOOK = "translator_groups"


@dataclass
class Login:
    role: str
    username: str
    password: str | None  # None: not known to this run (made earlier, kept as it was)
    created: bool


def demo_password():
    return os.environ.get("DEMO_ADMIN_PASSWORD", DEFAULT_PASSWORD)


def ensure_admin():
    """Make the ``admin`` superuser if there is none; return (user, created)."""
    User = get_user_model()
    user = User.objects.filter(username=USERNAME).first()
    if user is not None:
        return user, False
    return User.objects.create_superuser(USERNAME, "", demo_password()), True


def translator_groups():
    """``{language code: Group}`` for translators, or ``{}`` without a plugin.

    Extension point: a translation plugin registers a Wagtail hook that makes its
    translators' groups (as its own setup does) and returns them by language::

        @hooks.register("translator_groups")
        def translator_groups():
            return {"it": italian_group, ...}

    The last registered hook wins.
    """
    registered = hooks.get_hooks(GROUPS_HOOK)
    return registered[-1]() if registered else {}


def ensure_user(username, groups):
    """The demo account ``username`` in ``groups``; return its ``Login``."""
    User = get_user_model()
    wanted = os.environ.get(PASSWORD_VARIABLE, "")
    user = User.objects.filter(username=username).first()
    created = user is None
    if created:
        password = wanted or secrets.token_urlsafe(12)
        user = User.objects.create_user(username, f"{username}@example.org", password)
    elif wanted and not user.check_password(wanted):
        password = wanted
        user.set_password(wanted)
        user.save(update_fields=["password"])
    else:
        password = wanted or None
    user.groups.add(*groups)
    return Login("", username, password, created)


def ensure_demo_users():
    """The admin, the editor and the translators; return their ``Login``s."""
    admin, created = ensure_admin()
    password = demo_password()
    logins = [
        Login(
            "Admin",
            USERNAME,
            password
            if created or admin.check_password(password)
            else "(changed since the demo made it)",
            created,
        )
    ]
    editors, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    editor = ensure_user(EDITOR, [editors])
    editor.role = "Editor (no access to supporters' data)"
    logins.append(editor)
    groups = translator_groups()
    for language, username in TRANSLATORS.items():
        if language in groups:
            login = ensure_user(username, [groups[language]])
            login.role = groups[language].name  # "Translators (Italian)"
            logins.append(login)
    return logins

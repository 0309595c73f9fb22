"""The demo's admin account."""

import os

from django.contrib.auth import get_user_model

USERNAME = "admin"
DEFAULT_PASSWORD = "casebook-demo"  # noqa: S105 - a demo account, refused when DEBUG is off


def demo_password():
    return os.environ.get("DEMO_ADMIN_PASSWORD", DEFAULT_PASSWORD)


def ensure_admin():
    """Make the ``admin`` superuser if there is none; return (user, created)."""
    User = get_user_model()
    user = User.objects.filter(username=USERNAME).first()
    if user is not None:
        return user, False
    return User.objects.create_superuser(USERNAME, "", demo_password()), True

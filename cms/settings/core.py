"""Test settings with the plugins taken out: proves the core runs without them.

``make test`` runs the core test suite under these settings.
"""

from .test import *  # noqa: F403

PLUGINS = {"search", "wagtail_localize", "wagtail_localize.locales", "cms.translation"}
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in PLUGINS]  # noqa: F405
# wagtail_localize.locales stands in for wagtail.locales; without it, use Wagtail's own.
INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.admin"), "wagtail.locales")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "cms.webhooks"
    label = "webhooks"
    verbose_name = _("Publish webhooks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .subscribers import register_subscribers

        register_subscribers()

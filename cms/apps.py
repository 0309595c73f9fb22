from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = _("Casebook content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .api.rich_text import register_rich_text_link_handler
        from .api.signal_handlers import register_signal_handlers

        register_rich_text_link_handler()
        register_signal_handlers()

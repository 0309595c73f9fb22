from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    name = "cms"
    label = "cms"
    verbose_name = _("Casebook content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail import hooks

        from . import checks  # noqa: F401  (registers the system checks)
        from .api.rich_text import register_rich_text_link_handler
        from .api.signal_handlers import register_signal_handlers
        from .api.subscribers import register_subscribers
        from .models.serving import hide_restricted_pages
        from .privacy import register_privacy_policy

        register_rich_text_link_handler()
        hooks.register("before_serve_page", hide_restricted_pages)
        register_signal_handlers()
        register_privacy_policy()
        register_subscribers()

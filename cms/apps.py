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
        from .api.subscribers import register_subscribers
        from .lifecycle import register_shown_snippet
        from .lifecycle.receivers import connect_receivers
        from .models import PartnerOrganisation, partner_pages
        from .models.serving import hide_restricted_pages
        from .privacy import register_privacy_policy

        register_rich_text_link_handler()
        hooks.register("before_serve_page", hide_restricted_pages)
        connect_receivers()
        register_shown_snippet(PartnerOrganisation, pages=partner_pages)
        register_subscribers()
        register_privacy_policy()

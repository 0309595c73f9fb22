from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseBlocksConfig(AppConfig):
    name = "caseblocks"
    label = "caseblocks"
    verbose_name = _("Case blocks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .permissions import register_permission_policies
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
        register_permission_policies()

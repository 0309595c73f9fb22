from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CaseBlocksConfig(AppConfig):
    name = "caseblocks"
    label = "caseblocks"
    verbose_name = _("Case blocks")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.lifecycle import register_shown_snippet

        from . import checks  # noqa: F401  (registers the system checks)
        from .models import ActionTarget
        from .permissions import register_permission_policies
        from .subscribers import register_subscribers

        register_subscribers()
        register_shown_snippet(ActionTarget)
        register_permission_policies()

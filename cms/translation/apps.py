from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    name = "cms.translation"
    label = "casebook_translation"
    verbose_name = _("Translation")

    def ready(self):
        from . import checks  # noqa: F401  (registers the system checks)
        from .api import register_api
        from .fields import declare_translatable_fields
        from .signal_handlers import register_signal_handlers

        declare_translatable_fields()
        register_signal_handlers()
        register_api()

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
        from .subscribers import register_subscribers

        declare_translatable_fields()
        register_subscribers()
        register_api()

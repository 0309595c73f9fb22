from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _


@checks.register(checks.Tags.security, deploy=True)
def check_development_only(app_configs, **kwargs):
    """The outbox shows supporters' addresses and confirmation links: never in production."""
    if settings.DEBUG:
        return []
    return [
        checks.Error(
            _("The outbox (cms.outbox) is for development only."),
            hint=_("Take 'cms.outbox' out of INSTALLED_APPS and EMAIL_BACKEND."),
            id="casebook_outbox.E001",
        )
    ]

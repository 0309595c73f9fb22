"""System checks: ``caseblocks.E001`` rate limits that are malformed or switched off."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured


@checks.register()
def check_rate_limits(app_configs=None, **kwargs):
    """Refused at start-up what would otherwise refuse every submission."""
    from caseblocks.actions.ratelimits import rules

    try:
        rules()
    except ImproperlyConfigured as error:
        return [
            checks.Error(
                str(error),
                hint="Give every scope at least one 'count/seconds' rule.",
                id="caseblocks.E001",
            )
        ]
    return []

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="lock")
class PrivacySettings(BaseSiteSetting):
    """The site's privacy policy, linked next to every action form's consent box."""

    privacy_policy = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page readers see next to the consent box of every action form, "
            "in their language when it is translated."
        ),
    )

    panels = [PageChooserPanel("privacy_policy", ["cms.GeneralPage"])]

    class Meta:
        verbose_name = _("privacy policy")
        verbose_name_plural = _("privacy policy")

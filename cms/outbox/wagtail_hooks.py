from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import OutboxView


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("outbox/", OutboxView.as_view(), name="casebook_outbox")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_outbox_menu_item():
    return SuperuserMenuItem(
        _("Outbox"),
        reverse("casebook_outbox"),
        name="outbox",
        icon_name="mail",
        order=990,
    )

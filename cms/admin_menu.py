"""One admin menu item for every plugin's report or tool that needs a permission.

A menu item a user may not follow only leads to the admin's "permission denied"
redirect, and tells them what exists. Each item says who may follow it, and the
view behind it checks the same: a permission's name, or a test of the user when
one permission does not say it (``caseblocks.permissions.may_read_reports``).
"""

from wagtail.admin.menu import MenuItem


class PermissionMenuItem(MenuItem):
    """A menu item shown only to users ``allowed``: a permission such as
    ``"app.codename"``, or a function of the user that answers True or False."""

    def __init__(self, *args, allowed, **kwargs):
        self.allowed = allowed
        super().__init__(*args, **kwargs)

    def is_shown(self, request):
        if callable(self.allowed):
            return self.allowed(request.user)
        return request.user.has_perm(self.allowed)

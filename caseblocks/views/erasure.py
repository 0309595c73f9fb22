"""Erasing a supporter from the admin: the address, a confirmation, then erasure."""

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from caseblocks.actions.erasure import check_spelling, erase_supporter, submissions_of

PERMISSION = "caseblocks.erase_supporter"


class EraseSupporterForm(forms.Form):
    email = forms.CharField(
        label=_("E-mail address"),
        max_length=320,
        help_text=_("Any spelling of it: case, dots and +tags for Gmail, and so on."),
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def clean_email(self):
        return check_spelling(self.cleaned_data["email"])


class EraseSupporterView(PermissionRequiredMixin, WagtailAdminTemplateMixin, FormView):
    """Ask for the address, show how many submissions it has, erase on confirmation.

    The address is never put in a URL, a message or the audit log: the log
    names only the erased submissions.
    """

    permission_required = PERMISSION
    raise_exception = True
    template_name = "caseblocks/admin/erase_supporter.html"
    form_class = EraseSupporterForm
    page_title = _("Erase a supporter")
    header_icon = "bin"

    def form_valid(self, form):
        address = form.cleaned_data["email"]
        if not form.cleaned_data["confirmed"]:
            found = submissions_of(address).with_personal_data().count()
            confirm = EraseSupporterForm(initial={"email": address, "confirmed": True})
            return self.render_to_response(
                self.get_context_data(form=confirm, confirming=True, found=found)
            )
        count = erase_supporter(address, user=self.request.user)
        messages.success(
            self.request,
            _("Erased the personal data of %(count)s submissions.") % {"count": count},
        )
        return redirect(reverse("caseblocks_erase_supporter"))

"""The outbox's two readers: a page in the admin and a plain-text listing.

Both show supporters' addresses and live confirmation links, so both exist only
while ``DEBUG`` is on: the admin page for superusers, the plain-text listing
(for ``curl``) for requests from this machine only.
"""

import ipaddress
import re
from email.utils import getaddresses

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from .models import SentMail

EMPTY = _("The outbox is empty.")

LIMIT = 50
URL = re.compile(r"https?://[^\s<>\"']+")


def own_links(mail):
    """The links in ``mail`` to this site (a confirmation page), safe to make clickable.

    Other links may come from a supporter's message and stay plain text.
    """
    ours = [
        url.rstrip("/") + "/"
        for url in (settings.WAGTAILADMIN_BASE_URL, settings.CASEBOOK_FRONTEND_URL)
        if url
    ]
    return [link for link in URL.findall(mail.body) if link.startswith(tuple(ours))]


def latest(to=""):
    """The newest ``LIMIT`` messages, those to the address ``to`` only if given."""
    to = to.strip().lower()
    if not to:
        return list(SentMail.objects.all()[:LIMIT])
    # Few rows in development: filtering in Python works on every database.
    found = []
    for mail in SentMail.objects.all().iterator():
        addresses = getaddresses(mail.recipients())
        if to in (address.lower() for _name, address in addresses):
            found.append(mail)
            if len(found) == LIMIT:
                break
    return found


def from_this_machine(request):
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


def as_text(mail):
    headers = [
        ("Date", mail.sent_at.isoformat(timespec="seconds")),
        ("From", mail.from_email),
        ("To", ", ".join(mail.to)),
        ("Cc", ", ".join(mail.cc)),
        ("Reply-To", ", ".join(mail.reply_to)),
        ("Subject", mail.subject),
    ]
    lines = [f"{name}: {value}" for name, value in headers if value]
    return "\n".join(["-" * 72, *lines, "", mail.body.rstrip(), ""])


def outbox_text(request):
    """``GET /dev/outbox/[?to=address]``: the newest mail first, as plain text."""
    if not settings.DEBUG or not from_this_machine(request):
        raise Http404
    mails = latest(request.GET.get("to", ""))
    text = "\n".join(as_text(mail) for mail in mails) or f"{EMPTY}\n"
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    response["Cache-Control"] = "no-store"
    return response


class OutboxView(WagtailAdminTemplateMixin, TemplateView):
    """The admin's outbox: what the site would have e-mailed, newest first."""

    template_name = "casebook_outbox/index.html"
    page_title = _("Outbox")
    header_icon = "mail"

    def dispatch(self, request, *args, **kwargs):
        if not settings.DEBUG:
            raise Http404
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        to = self.request.GET.get("to", "")
        mails = [(mail, own_links(mail)) for mail in latest(to)]
        return super().get_context_data(mails=mails, to=to, **kwargs)

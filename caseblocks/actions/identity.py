"""Who a supporter is, without keeping more than needed: normalised e-mail, keyed hashes."""

import hashlib
import hmac

from caseblocks.client_address import client_address as client_address  # re-exported
from caseblocks.client_address import client_network
from caseblocks.conf import fingerprint_key

# Providers that ignore dots in the local part; googlemail.com is gmail.com.
DOT_BLIND_DOMAINS = {"gmail.com"}
DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}


def normalise_email(address):
    """The canonical form under which two spellings of one mailbox compare equal.

    Case is ignored, a ``+tag`` is dropped, and for Gmail dots are dropped and
    googlemail.com is gmail.com. Only used to fingerprint: the address as typed
    is what messages are sent with.
    """
    local, _at, domain = address.strip().rpartition("@")
    local, domain = local.lower(), domain.lower().rstrip(".")
    domain = DOMAIN_ALIASES.get(domain, domain)
    local = local.split("+", 1)[0]
    if domain in DOT_BLIND_DOMAINS:
        local = local.replace(".", "")
    return f"{local}@{domain}"


def keyed_hash(value):
    """HMAC-SHA256 of ``value`` under the fingerprint key, as 64 hex digits."""
    return hmac.new(fingerprint_key(), value.encode(), hashlib.sha256).hexdigest()


def email_fingerprint(address):
    return keyed_hash("email:" + normalise_email(address))


def address_fingerprint(request):
    # Rate limits key on this (an IPv6 client by its network); the address itself
    # is never stored.
    return keyed_hash("address:" + client_network(request))

"""Who a supporter is, without keeping more than needed: normalised e-mail, keyed hashes."""

import hashlib
import hmac

from caseblocks.conf import fingerprint_key, get_setting

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


def client_address(request):
    """The client's IP address, from the configured proxy header or REMOTE_ADDR."""
    header = get_setting("CLIENT_ADDRESS_HEADER")
    if header and request.META.get(header):
        return request.META[header].split(",")[0].strip()
    return request.META.get("REMOTE_ADDR", "")


def address_fingerprint(request):
    # Rate limits key on this; the address itself is never stored.
    return keyed_hash("address:" + client_address(request))

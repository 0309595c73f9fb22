"""The client's address, as the rate limits and the login throttle count it.

Behind proxies, each proxy appends the address it was called from to
``X-Forwarded-For``, so only the right end of the header is written by proxies
Casebook trusts: the left end is whatever the client sent. With
``TRUSTED_PROXIES`` proxies in front of Casebook, the client is the
``TRUSTED_PROXIES``-th address from the right; anything further left is ignored.

Addresses are canonicalised (``2001:DB8::0:1`` and ``2001:db8::1`` are one
address; an IPv4-mapped IPv6 address is its IPv4 address), and an IPv6 client is
counted by its network (``IPV6_PREFIX``, a /64 by default): one subscriber is
usually given a whole /64, so counting single IPv6 addresses would let one client
pick a new address for every request.

``CASEBOOK_CLIENT_ADDRESS`` overrides any key of ``DEFAULTS``. The delivery API's
rate limits (``caseblocks``) and the admin's login throttle (``cms``) both read
the address here; ``cms`` imports ``caseblocks``, never the reverse.
"""

import ipaddress

from django.conf import settings

DEFAULTS = {
    # The request header holding the proxies' record of the client, as Django names
    # it (e.g. "HTTP_X_FORWARDED_FOR"). Empty: REMOTE_ADDR, with no proxy in front.
    "HEADER": "",
    # How many proxies in front of Casebook append to HEADER (nginx alone: 1; a CDN
    # and nginx: 2). The client is that many entries from the header's right end.
    "TRUSTED_PROXIES": 1,
    # IPv6 clients are counted per network of this many leading bits (1 to 128).
    "IPV6_PREFIX": 64,
}


def get_setting(name):
    return {**DEFAULTS, **getattr(settings, "CASEBOOK_CLIENT_ADDRESS", {})}[name]


def parse(value):
    """The canonical ``ipaddress`` object of ``value``, or None if it is none."""
    value = value.strip()
    if value.startswith("[") and "]" in value:  # "[2001:db8::1]:443"
        value = value[1 : value.index("]")]
    elif value.count(":") == 1:  # "192.0.2.1:443"
        value = value.partition(":")[0]
    try:
        address = ipaddress.ip_address(value.partition("%")[0])  # drop a zone id
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def forwarded_address(request):
    """The address the outermost trusted proxy saw, or None without the header."""
    header = get_setting("HEADER")
    value = request.META.get(header, "") if header else ""
    entries = [entry for entry in value.split(",") if entry.strip()]
    if not entries:
        return None
    trusted = max(1, int(get_setting("TRUSTED_PROXIES")))
    # Fewer entries than proxies: every entry was written by a proxy, the leftmost
    # by the first one the request reached.
    return parse(entries[-min(trusted, len(entries))])


def client_ip(request):
    """The client's canonical address (an ``ipaddress`` object), or None."""
    return forwarded_address(request) or parse(request.META.get("REMOTE_ADDR", ""))


def client_address(request):
    """The client's canonical address as text ("" if unknown), e.g. for a captcha."""
    address = client_ip(request)
    return str(address) if address else ""


def client_network(request):
    """What a per-client limit counts: the IPv4 address, or the IPv6 network."""
    address = client_ip(request)
    if address is None:
        return ""
    if address.version == 4:
        return str(address)
    prefix = min(128, max(1, int(get_setting("IPV6_PREFIX"))))
    return str(ipaddress.ip_network(f"{address}/{prefix}", strict=False))

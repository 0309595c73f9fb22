"""Who a supporter is, without keeping more than needed: normalised e-mail, keyed hashes.

One rule for every use of a supporter's address: ``clean_address`` decides what
is accepted and stored, ``normalise_email`` what counts as the same mailbox, and
storing, de-duplicating, the per-address rate limit and erasure all key on
``email_fingerprint``, so no spelling escapes one of them.
"""

import hashlib
import hmac
import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from caseblocks.client_address import client_address as client_address  # re-exported
from caseblocks.client_address import client_network
from caseblocks.conf import fingerprint_key

# Providers that ignore dots in the local part; googlemail.com is gmail.com.
DOT_BLIND_DOMAINS = {"gmail.com"}
DOMAIN_ALIASES = {"googlemail.com": "gmail.com"}
# Characters that end or fold a mail header line, or hide what follows.
LINE_BREAKING = {"Cc", "Zl", "Zp"}


def has_control_characters(text):
    """True if ``text`` holds a control character or a line or paragraph separator."""
    return any(unicodedata.category(char) in LINE_BREAKING for char in text)


def ascii_domain(domain):
    """``domain`` in lower case and its ASCII (IDNA) form; UnicodeError if it has none."""
    domain = unicodedata.normalize("NFKC", domain).lower().rstrip(".")
    return domain.encode("idna").decode("ascii")


def clean_address(address):
    """The address as it is stored and sent to, or a ValidationError.

    The domain may be international (it is kept in its ASCII form, as mail
    headers carry it); the part before the @ must be ASCII. Mail servers that
    take other characters there need SMTPUTF8, which the mail backend does not
    speak, and look-alikes such as the Kelvin sign for K or a long s would
    otherwise be sent to, or counted as, another mailbox.
    """
    address = address.strip()
    invalid = ValidationError(_("Enter a valid email address."), code="invalid")
    if has_control_characters(address):
        raise invalid
    local, _at, domain = address.rpartition("@")
    if not local.isascii():
        raise ValidationError(
            _(
                "Write the part before the @ in Latin letters, digits and "
                "punctuation only: messages cannot be sent to other characters there."
            ),
            code="non_ascii_local_part",
        )
    validate_email(address)
    try:
        domain = ascii_domain(domain)
    except UnicodeError as error:
        raise invalid from error
    return f"{local}@{domain}"


def unquote(local):
    """``"anna.rossi"`` is the mailbox ``anna.rossi``: drop the quotes and escapes."""
    if len(local) >= 2 and local[0] == local[-1] == '"':
        inner, plain, escaped = local[1:-1], [], False
        for char in inner:
            if escaped or char != "\\":
                plain.append(char)
                escaped = False
            else:
                escaped = True
        return "".join(plain)
    return local


def normalise_email(address):
    """The canonical form under which two spellings of one mailbox compare equal.

    Compatibility characters are folded (NFKC: a fullwidth or Kelvin-sign
    letter is its plain letter), case is ignored, quotes around the local part
    are dropped, a ``+tag`` is dropped, the domain is in its ASCII (IDNA) form,
    and for Gmail dots are dropped and googlemail.com is gmail.com. Only used to
    fingerprint: the address as stored is what messages are sent with.
    """
    address = unicodedata.normalize("NFKC", address).strip()
    local, _at, domain = address.rpartition("@")
    local = unquote(local).casefold()
    try:
        domain = ascii_domain(domain)
    except UnicodeError:
        domain = domain.casefold().rstrip(".")
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

"""Optional captcha check: Cloudflare Turnstile or hCaptcha, off by default."""

import json
import logging
import urllib.parse
import urllib.request

from caseblocks.conf import get_setting

logger = logging.getLogger(__name__)

VERIFY_URLS = {
    "turnstile": "https://challenges.cloudflare.com/turnstile/v0/siteverify",
    "hcaptcha": "https://api.hcaptcha.com/siteverify",
}


def provider():
    return get_setting("CAPTCHA").get("PROVIDER") or None


def post_form(url, fields, timeout):
    """POST ``fields`` form-encoded to ``url`` and return the decoded JSON answer."""
    request = urllib.request.Request(  # noqa: S310 (the URL is one of VERIFY_URLS)
        url, data=urllib.parse.urlencode(fields).encode(), method="POST"
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
        return json.load(response)


def verify(token, remote_address=""):
    """True if captchas are off or the provider accepts ``token``.

    Fails closed: if the provider cannot be reached the submission is refused,
    and the supporter may try again.
    """
    name = provider()
    if not name:
        return True
    if not token:
        return False
    conf = get_setting("CAPTCHA")
    fields = {"secret": conf.get("SECRET", ""), "response": token}
    if remote_address:
        fields["remoteip"] = remote_address
    try:
        answer = post_form(VERIFY_URLS[name], fields, conf.get("TIMEOUT", 5))
    except (OSError, ValueError):
        logger.warning("The %s captcha check could not be made.", name, exc_info=True)
        return False
    return answer.get("success") is True

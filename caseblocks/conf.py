"""Settings of the action forms, read in one place.

``CASEBOOK_ACTIONS`` in the Django settings overrides any key of ``DEFAULTS``.
"""

import hashlib

from django.conf import settings

DEFAULTS = {
    # Key of the HMAC that turns an e-mail address or a client address into a
    # fingerprint. Empty: derived from SECRET_KEY. Changing it makes every earlier
    # supporter look new, so set it once.
    "FINGERPRINT_KEY": "",
    # Personal data older than this is removed by `manage.py purge_submissions`.
    "RETENTION_DAYS": 730,
    # "count/seconds" windows. A client address, and an e-mail fingerprint, may
    # submit at most `count` times in each window. MALFORMED counts, per client
    # address, the requests refused with a 400 (and captcha checks): they use up
    # none of its ADDRESS allowance, so fixing a typo works, but have a limit of
    # their own. A scope left out keeps these rules; one given no rule is refused
    # (caseblocks.actions.ratelimits.rules).
    "RATE_LIMITS": {
        "ADDRESS": ["1/60", "5/300", "50/86400"],
        "EMAIL": ["3/3600"],
        "MALFORMED": ["10/60", "100/86400"],
    },
    # Hours a confirmation link stays valid; unconfirmed submissions are purged
    # after it (`manage.py expire_submissions`).
    "CONFIRMATION_HOURS": 72,
    # Seconds between refreshes of the public count of an action that does not
    # ask supporters to confirm: a live count would tell whether an address had
    # taken part.
    "COUNT_REFRESH": 600,
    # Captcha: None, "turnstile" or "hcaptcha"; SECRET is the provider's secret key.
    "CAPTCHA": {"PROVIDER": None, "SECRET": "", "TIMEOUT": 5},
    # Messages one target receives in an hour at most; the rest wait their turn.
    "TARGET_HOURLY_CAP": 60,
    # Delivery attempts before a message is marked failed, and the first wait
    # between them in seconds (doubled after each failure).
    "MAX_ATTEMPTS": 6,
    "RETRY_BACKOFF": 300,
    # The organisation's address that messages to targets are sent from. Empty:
    # DEFAULT_FROM_EMAIL.
    "FROM_EMAIL": "",
    # The longest personal message a supporter may write, in characters.
    "MESSAGE_MAX_LENGTH": 5000,
    # Seconds the lookup of an action on the live pages is kept in the cache. It is
    # forgotten on every publish, unpublish, move and view restriction change; this
    # bounds only changes made around those (a raw SQL update, say).
    "PLACEMENT_CACHE_TIMEOUT": 60,
    # Hosts whose players an embed block may hand to front-ends as an iframe
    # (caseblocks.blocks.embeds). An embed from any other provider carries its
    # title, thumbnail and size, but no HTML.
    "EMBED_IFRAME_HOSTS": [
        "www.youtube.com",
        "www.youtube-nocookie.com",
        "player.vimeo.com",
    ],
    # The fonts embedded in letters: TEXT (a TrueType file) for Latin and Cyrillic,
    # CJK (a font file and its face number in a collection) for Chinese, Japanese
    # and Korean. From the Debian packages fonts-dejavu-core and fonts-wqy-microhei.
    "LETTER_FONTS": {
        "TEXT": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "CJK": ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    },
    # Seconds a letter's PDF is kept in the cache. Its key holds the page's live
    # revision, so a publish never serves an old letter; this bounds the memory.
    "LETTER_CACHE_TIMEOUT": 7 * 24 * 3600,
}


def get_setting(name):
    return {**DEFAULTS, **getattr(settings, "CASEBOOK_ACTIONS", {})}[name]


def fingerprint_key():
    key = get_setting("FINGERPRINT_KEY")
    if key:
        return key.encode()
    # A key of its own, so a fingerprint is no hash of the SECRET_KEY itself.
    return hashlib.sha256(
        b"caseblocks.fingerprint:" + settings.SECRET_KEY.encode()
    ).digest()


def from_email():
    return get_setting("FROM_EMAIL") or settings.DEFAULT_FROM_EMAIL

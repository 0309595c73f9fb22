"""The signature header: ``X-Casebook-Signature: t=<unix time>,v1=<hex>``.

``v1`` is the HMAC-SHA256, keyed with the endpoint's secret, of the bytes
``"<t>." + body``. The time is signed with the body, so a receiver that refuses
a ``t`` older than a few minutes refuses a replayed request (docs/webhooks.md).
"""

import hashlib
import hmac

HEADER = "X-Casebook-Signature"


def signature(secret, timestamp, body):
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret, timestamp, body):
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"

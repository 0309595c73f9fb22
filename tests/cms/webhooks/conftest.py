import pytest

from tests.factories.pages import CasePageFactory

from .receiver import Receiver

SECRET = "s3cret-" + "x" * 40


@pytest.fixture
def receiver():
    """A loopback receiver, not yet listening: a test calls ``start()``."""
    receiving = Receiver(SECRET)
    yield receiving
    receiving.stop()


@pytest.fixture
def endpoint(settings, receiver):
    """Webhooks configured to ``receiver``, with quick retries and timeouts."""
    settings.CASEBOOK_WEBHOOKS = {
        "ENDPOINTS": [{"NAME": "static-site", "URL": receiver.url, "SECRET": SECRET}],
        "TIMEOUT": 0.5,
        "RETRY_BACKOFF": 10,
        "MAX_BACKOFF": 60,
        "MAX_ATTEMPTS": 5,
    }
    return receiver


@pytest.fixture
def case_page(db):
    return CasePageFactory(title="Erzhan", slug="erzhan")

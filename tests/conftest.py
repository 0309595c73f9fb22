import pytest

from cms.models import HomePage


@pytest.fixture
def home_page(db):
    """The HomePage that the cms migrations put at the root of the default site."""
    return HomePage.objects.get(depth=2)

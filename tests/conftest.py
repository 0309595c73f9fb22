import pytest

from cms.models import HomePage


@pytest.fixture
def home_page(db):
    """The HomePage that the cms migrations put at the root of the default site."""
    return HomePage.objects.get(depth=2)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the database rolls back, cached API
    responses would not."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()

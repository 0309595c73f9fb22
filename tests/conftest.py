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


def pytest_collection_modifyitems(items):
    """Restore the migrated rows (root page, site, locale) for every transactional test.

    A transactional test empties the database when it ends, so without this the
    next one in the same worker would find no root page. Serialized rollback loads
    the rows the migrations made back in before each such test.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        transactional = bool(marker and marker.kwargs.get("transaction")) or any(
            name in item.fixturenames for name in ("transactional_db", "live_server")
        )
        if transactional:
            kwargs = {**(marker.kwargs if marker else {}), "transaction": True}
            kwargs["serialized_rollback"] = True
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Let every connection object restore the migrated rows.

    Django keeps the serialized rows on the connection object that created the
    test database. Playwright's sync API runs the browser tests in a greenlet with
    its own context, where Django hands out a fresh connection object without them,
    so a transactional test there would start from an emptied database.
    """
    from django.db import connections

    for connection in connections.all(initialized_only=True):
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents

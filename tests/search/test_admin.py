"""Staff see indexing failures: on the dashboard, in a report, and in a system check."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.management import call_command

from search.checks import check_indexing_failures
from search.models import IndexingFailure

pytestmark = pytest.mark.django_db


@pytest.fixture
def failure():
    return IndexingFailure.objects.create(
        app_label="cms",
        model_name="casepage",
        object_id="41",
        error="ConnectionError: refused",
    )


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


def test_dashboard_warns_while_pages_are_missing(admin_client, failure):
    response = admin_client.get("/admin/")
    assert "1 published page is missing from search" in response.content.decode()
    failure.delete()
    response = admin_client.get("/admin/")
    assert "missing from search" not in response.content.decode()


def test_failures_are_listed_and_cannot_be_added(admin_client, failure):
    listing = admin_client.get("/admin/search_indexing_failures/")
    assert listing.status_code == 200
    assert "cms.casepage 41: ConnectionError: refused" in listing.content.decode()
    assert admin_client.get("/admin/search_indexing_failures/new/").status_code in {
        302,
        403,
    }


def test_system_check_warns(failure):
    warnings = check_indexing_failures()
    assert [w.id for w in warnings] == ["search.W002"]
    failure.delete()
    assert check_indexing_failures() == []


def test_check_command_runs_clean_without_failures():
    call_command("check", "--database", "default")


def test_only_staff_see_the_indexing_warning(client, failure):
    editor = get_user_model().objects.create_user("editor", password="pw")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert "missing from search" not in response.content.decode()

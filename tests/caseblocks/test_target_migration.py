"""The data migration turns typed targets into records, wherever a value is stored."""

import importlib
import json
from types import SimpleNamespace

import pytest

from django.apps import apps
from django.db import connection

from wagtail.models import Page, Revision

from caseblocks.models import ActionTarget, PlacedAction
from cms.models import CasePage

from .conftest import publish_case

migration = importlib.import_module("caseblocks.migrations.0005_action_targets")

LEGACY = [
    {"name": "Press office", "email": "press@akorda.kz"},
    {"name": "Ombudsman", "email": "Ombudsman@Gov.kz"},
]


def legacy_body(page):
    body = json.loads(json.dumps(list(page.body.raw_data)))
    body[0]["value"]["targets"] = [
        {"type": "item", "value": target, "id": f"item-{n}"}
        for n, target in enumerate(LEGACY)
    ]
    return body


def store_raw(model, pk, column, data):
    table = connection.ops.quote_name(model._meta.db_table)
    key = connection.ops.quote_name(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {column} = %s WHERE {key} = %s",  # noqa: S608
            [json.dumps(data), pk],
        )


@pytest.mark.django_db
def test_typed_targets_become_records_in_pages_revisions_and_placements():
    page = publish_case()
    body = legacy_body(page)
    store_raw(CasePage, page.pk, "body", body)
    revision = page.get_latest_revision()
    content = {**revision.content, "body": json.dumps(body)}
    store_raw(Revision, revision.pk, "content", content)
    placement = PlacedAction.objects.get(page=page)
    store_raw(PlacedAction, placement.pk, "value", body[0]["value"])

    migration.targets_to_records(apps, SimpleNamespace(connection=connection))

    press = ActionTarget.objects.get(email="press@akorda.kz")
    ombudsman = ActionTarget.objects.get(email="Ombudsman@Gov.kz")
    assert ombudsman.name == "Ombudsman"
    ids = [press.pk, ombudsman.pk]
    stored = CasePage.objects.get(pk=page.pk).body.raw_data[0]["value"]["targets"]
    assert [item["value"] for item in stored] == ids
    assert [item["id"] for item in stored] == ["item-0", "item-1"]
    revision.refresh_from_db()
    in_revision = json.loads(revision.content["body"])[0]["value"]["targets"]
    assert [item["value"] for item in in_revision] == ids
    placement.refresh_from_db()
    assert [item["value"] for item in placement.value["targets"]] == ids
    # The page reads back as records, in the admin and the API alike.
    form = Page.objects.get(pk=page.pk).specific.body[0].value
    assert [target.email for target in form["targets"]] == [
        "press@akorda.kz",
        "Ombudsman@Gov.kz",
    ]
    # Running it again changes nothing and makes no second record.
    migration.targets_to_records(apps, SimpleNamespace(connection=connection))
    assert ActionTarget.objects.filter(email__iexact="ombudsman@gov.kz").count() == 1

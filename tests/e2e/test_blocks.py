"""An editor builds each block type in a page body, in a real browser, and publishes it.

Each block is first refused with the message its mistake brings, then put right
and published; the test reads the value back from the database and from the
delivery API. ``recipes.py`` says how each block is filled in.
"""

import re

import pytest
from playwright.sync_api import expect

from wagtail.models import Revision

from tests.e2e.admin import block_region, delivered_page, insert_block, publish
from tests.e2e.recipes import RECIPES


@pytest.mark.parametrize("recipe_class", RECIPES, ids=lambda r: r.block_type)
def test_editor_builds_and_publishes_block(
    recipe_class, page, admin_login, admin_user, settings, request
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0  # one request per click, no races
    recipe = recipe_class(request)
    target = recipe.page_factory()
    edit_url = f"/admin/pages/{target.pk}/edit/"
    admin_login(admin_user)
    page.goto(edit_url)
    body = page.get_by_role("region", name="Body")

    block = insert_block(body, recipe.label)
    recipe.fill(block)
    if recipe.error:
        publish(page)
        block = block_region(body, recipe.label)
        expect(block.get_by_text(recipe.error).first).to_be_visible()
        assert not Revision.page_revisions.filter(object_id=str(target.pk)).exists()

    recipe.fix(block)
    publish(page)
    expect(page.get_by_text(re.compile("has been published"))).to_be_visible()

    stored = type(target).objects.get(pk=target.pk)
    assert [child.block_type for child in stored.body] == [recipe.block_type]
    delivered = delivered_page(page, target.pk)["body"]
    assert [item["type"] for item in delivered] == [recipe.block_type]
    recipe.check(stored.body[0].value, delivered[0]["value"])

    # The last screen: the published block, as the editor finds it again.
    page.goto(edit_url)
    block_region(body, recipe.label).scroll_into_view_if_needed()

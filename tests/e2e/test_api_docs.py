"""The browsable API docs show the introduction's placeholders as written."""

from playwright.sync_api import expect


def test_api_docs_show_placeholders_as_written(page, live_server):
    page.goto(f"{live_server.url}/api/docs")
    description = page.locator(".information-container .description")
    expect(description).to_contain_text(
        "/<language code>/<path below the language's home page>/"
    )
    expect(description).to_contain_text("include=")

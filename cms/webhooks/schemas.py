"""The JSON body of every webhook: one declaration, documented in docs/webhooks.md."""

from datetime import datetime

from pydantic import BaseModel, Field


class WebhookPage(BaseModel):
    """An affected page. ``locale``, ``path`` and ``api_path`` are given only
    while a visitor may read the page; otherwise (unpublished, private, deleted)
    only its id, so nothing about a hidden page leaves the CMS."""

    id: int
    visible: bool
    locale: str | None = None
    path: str | None = Field(None, description="Its front-end path, e.g. /it/cases/x/")
    api_path: str | None = Field(None, description="Where the API answers it")


class WebhookEvent(BaseModel):
    id: str = Field(description="The event's id: the same on every retry")
    event: str = Field(description="published, unpublished, moved, deleted, ...")
    timestamp: datetime = Field(description="When the change was announced (UTC)")
    pages: list[WebhookPage]
    locales: list[str] = Field(description="Language codes of the visible pages")
    snippet: str = Field("", description="The snippet model, for a snippet change")

"""The one content lifecycle: Wagtail's and Django's signals in, one event out.

``receivers`` is the only module that connects to the signals that change what a
visitor may read; ``events`` declares what it sends; ``pending`` collects the
changes of a transaction and sends them after the commit; ``snippets`` is where
an app says which snippets the pages show.
"""

from .events import Change, ContentChange, content_changed, content_changing
from .pending import announce, note, uncommitted
from .snippets import register_shown_snippet

__all__ = [
    "Change",
    "ContentChange",
    "announce",
    "content_changed",
    "content_changing",
    "note",
    "register_shown_snippet",
    "uncommitted",
]

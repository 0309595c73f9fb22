"""Keep placed actions and letters in step with the content event (``cms.lifecycle``).

The placed-action table is written before the commit (``content_changing``), in
the publishing transaction: a submission arriving the moment the page is public
must find its action, and a publish that rolls back must leave no placement.
"""

from cms.lifecycle import Change, content_changed, content_changing


def update_placements_on_change(sender, change, pages=(), **kwargs):
    from caseblocks.actions import placement

    if change.kind == Change.PUBLISHED:
        for page in pages:
            placement.refresh_placements(page)
    elif change.kind == Change.UNPUBLISHED:
        for page in pages:
            placement.remove_placements(page)
    elif change.kind == Change.DELETED:
        # Noted before the rows go: their cached lookups are forgotten with them.
        placement.forget_placements_of(change.page_ids)
    elif change.kind in (Change.MOVED, Change.RESTRICTED, Change.UNRESTRICTED):
        for page in pages:
            placement.forget_placements_under(page)


def forget_letters_on_change(sender, change, **kwargs):
    from caseblocks.letters.store import forget_letters

    if change.kind == Change.PUBLISHED:
        # A letter's key holds the page's live revision: a publish already
        # leaves the old letters unreachable (caseblocks.letters.store).
        return
    forget_letters(change.page_ids)


def register_subscribers():
    content_changing.connect(
        update_placements_on_change, dispatch_uid="caseblocks_placements"
    )
    content_changed.connect(forget_letters_on_change, dispatch_uid="caseblocks_letters")

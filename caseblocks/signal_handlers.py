"""Keep the placed-action lookup table, and its cached answers, in step with what is published."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from caseblocks.models import PlacedAction


def refresh_placements_on_publish(sender, instance, **kwargs):
    from caseblocks.actions.placement import refresh_placements

    refresh_placements(instance)


def remove_placements_on_unpublish(sender, instance, **kwargs):
    from caseblocks.actions.placement import remove_placements

    remove_placements(instance)


def forget_placement_on_delete(sender, instance, **kwargs):
    # Rows deleted with their page, by cascade.
    from caseblocks.actions.placement import forget_placements

    forget_placements([instance.action_id])


def forget_placements_on_restriction_change(sender, instance, **kwargs):
    from caseblocks.actions.placement import forget_placements_under

    forget_placements_under(instance.page)


def forget_placements_on_move(sender, instance, **kwargs):
    from caseblocks.actions.placement import forget_placements_under

    forget_placements_under(instance)


def forget_letters_on_change(sender, change, **kwargs):
    from caseblocks.letters.store import forget_letters

    forget_letters(change.page_ids)


def register_signal_handlers():
    from cms.lifecycle import content_changed

    content_changed.connect(forget_letters_on_change, dispatch_uid="caseblocks_letters")
    page_published.connect(
        refresh_placements_on_publish, dispatch_uid="caseblocks_placements_publish"
    )
    page_unpublished.connect(
        remove_placements_on_unpublish, dispatch_uid="caseblocks_placements_unpublish"
    )
    post_delete.connect(
        forget_placement_on_delete,
        sender=PlacedAction,
        dispatch_uid="caseblocks_placements_delete",
    )
    for signal in (post_save, post_delete):
        signal.connect(
            forget_placements_on_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"caseblocks_placements_restriction_{signal is post_save}",
        )
    post_page_move.connect(
        forget_placements_on_move, dispatch_uid="caseblocks_placements_move"
    )

"""Keep the placed-action lookup table in step with what is published."""

from wagtail.signals import page_published, page_unpublished


def refresh_placements_on_publish(sender, instance, **kwargs):
    from caseblocks.actions.placement import refresh_placements

    refresh_placements(instance)


def remove_placements_on_unpublish(sender, instance, **kwargs):
    from caseblocks.actions.placement import remove_placements

    remove_placements(instance)


def register_signal_handlers():
    page_published.connect(
        refresh_placements_on_publish, dispatch_uid="caseblocks_placements_publish"
    )
    page_unpublished.connect(
        remove_placements_on_unpublish, dispatch_uid="caseblocks_placements_unpublish"
    )

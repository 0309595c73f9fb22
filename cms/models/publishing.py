"""Publishing a page in one transaction, and what every page type is built on."""

from django.db import transaction

from .preview import FrontendPreviewMixin
from .serving import HeadlessServeMixin


class AtomicPublishMixin:
    """``publish`` runs in one transaction, commit or roll back as a whole.

    Wagtail's ``PublishPageRevisionAction`` opens none: the page row, the
    revisions, the comments, the log entry and whatever ``page_published``'s
    receivers write would each commit on their own, and a failure halfway would
    leave a page half published. ``revision.publish()``, workflow approval,
    scheduled publishing, bulk publishing and the ``create``/``edit`` actions all
    end in ``publish``; the admin's page edit view and its API publish action run
    ``PublishPageRevisionAction`` themselves, and are not covered.
    The content event (``cms.lifecycle``) then hears the publish inside the
    transaction and announces it after the commit, so a subscriber may write in
    the same transaction (``content_changing``) instead of committing again.

    Put it first in a page type's bases.
    """

    def publish(self, *args, **kwargs):
        with transaction.atomic():
            return super().publish(*args, **kwargs)

    publish.alters_data = True


class CasebookPageMixin(AtomicPublishMixin, HeadlessServeMixin, FrontendPreviewMixin):
    """What every page type does: publish in one transaction, answer its own URL
    as the headless site does, and preview on the front-end. First in its bases."""

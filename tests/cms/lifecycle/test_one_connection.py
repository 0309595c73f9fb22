"""Only the lifecycle's receivers connect to the signals that change content."""

import weakref

from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.lifecycle import receivers

PROJECT = ("cms", "caseblocks", "search", "bench")
SIGNALS = {
    "page_published": page_published,
    "page_unpublished": page_unpublished,
    "post_page_move": post_page_move,
    "pre_delete": pre_delete,
    "post_delete": post_delete,
    "post_save": post_save,
}


def connected_modules(signal):
    """The module of every receiver connected to ``signal`` (after django.setup())."""
    modules = []
    for _key, ref, _is_async in signal.receivers:
        receiver = ref() if isinstance(ref, weakref.ReferenceType) else ref
        if receiver is not None:
            modules.append(receiver.__module__)
    return modules


def test_no_module_but_the_receivers_connects_to_content_signals():
    strays = [
        (name, module)
        for name, signal in SIGNALS.items()
        for module in connected_modules(signal)
        if module.split(".")[0] in PROJECT and module != receivers.__name__
    ]
    assert strays == []


def test_the_receivers_are_connected():
    for signal in (page_published, page_unpublished, post_page_move, pre_delete):
        assert receivers.__name__ in connected_modules(signal)

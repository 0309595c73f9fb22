"""The privacy policy an action form's consent box links to.

The blocks know no page types, so the project registers the function that finds
the link (the core registers one reading its site setting)::

    from caseblocks.privacy import register_privacy_policy
    register_privacy_policy(lambda request, language: {"title": ..., "path": ..., "url": ...})

Without one, or when it finds no public page, actions carry ``null``.
"""

_finders = []


def register_privacy_policy(finder):
    """``finder(request, language)``: a ``{"title", "path", "url"}`` dict or None."""
    if finder not in _finders:
        _finders.append(finder)


def privacy_policy(request, language):
    """The privacy policy to show next to the consent box, in ``language``."""
    for finder in _finders:
        link = finder(request, language)
        if link is not None:
            return link
    return None

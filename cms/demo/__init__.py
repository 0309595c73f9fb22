"""Demo content built from the seed documents, for ``manage.py load_demo``.

``content/`` holds the text and facts as plain data, ``build`` turns them into pages,
``pages`` saves them so that reruns change nothing, and ``translate`` is the one place
where a page is copied into another locale (see ``translate_page`` for the hook).
"""

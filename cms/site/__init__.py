"""Casebook's own reading of its pages: plain HTML, no JavaScript.

Wagtail's preview panel shows it, and without ``CASEBOOK_FRONTEND_URL`` a page's
own URL serves it for the page's live version (``serving.serve_page``). It is a
reference for front-ends, not a theme system: one base template, one template per
page type (``cms/templates/cms/site/``), one per block
(``caseblocks/templates/caseblocks/blocks/``) and a small stylesheet.
"""

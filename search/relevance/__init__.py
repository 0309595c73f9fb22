"""A judged query set over the demo content, and how well each backend answers it.

``queries.JUDGED`` holds, per language, queries a reader would type and the pages
(front-end paths) the reader expects. ``evaluate`` runs them through a backend and
measures recall at 5 and mean reciprocal rank; ``RECORDED`` holds the embedded
default's figures, which the test suite keeps from falling.
"""

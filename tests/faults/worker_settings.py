"""Settings of the worker processes that the fault tests start and kill.

The test settings, with tasks queued in the database and the recording mail
backend of ``tests.faults.dying_mail``. ``DATABASE_URL`` names the test database.
"""

from cms.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
EMAIL_BACKEND = "tests.faults.dying_mail.EmailBackend"

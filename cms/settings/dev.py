from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# Mail is kept, not sent: read it in the admin's outbox or at /dev/outbox/.
INSTALLED_APPS = ["cms.outbox", *INSTALLED_APPS]  # noqa: F405
EMAIL_BACKEND = "cms.outbox.backend.EmailBackend"
CORS_ALLOWED_ORIGINS = ["http://localhost:3000", "http://127.0.0.1:3000"]

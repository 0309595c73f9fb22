"""Settings shared by every environment. Environment-specific modules import this."""

import os
import re
from pathlib import Path

import dj_database_url
from corsheaders.defaults import default_headers as default_cors_headers

from django.utils.translation import gettext_lazy as _

from cms.api import mount

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

# The translation plugin (wagtail_localize) and the search plugin sit in their own
# block so that a deployment, or the core test run, can take them out in one place.
PLUGIN_APPS = [
    "wagtail_localize",
    "wagtail_localize.locales",
    "search",
    "cms.translation",
]
CORE_APPS = [
    "cms",
    "cms.webhooks",
    "caseblocks",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.api.v2",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "ninja",
    "django_countries",
    "django_tasks",
    "django_tasks_db",
    "corsheaders",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
INSTALLED_APPS = PLUGIN_APPS + CORE_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.redirects.SiteRedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite next to the checkout unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Failed logins are counted and, over a limit, refused for a while
# (cms/login_throttle.py; CASEBOOK_LOGIN_THROTTLE overrides its DEFAULTS).
AUTHENTICATION_BACKENDS = ["cms.login_throttle.ThrottledModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "cms.login_throttle.LoginForm"

# Internationalisation: the content locales are the interface languages too.
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", _("English")),
    ("zh-hant", _("Traditional Chinese")),
    ("it", _("Italian")),
    ("ru", _("Russian")),
]
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# The translation plugin (cms.translation/README.md). Machine drafts come from an
# offline translator that reverses word order; production may name a real one.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
}
CASEBOOK_TRANSLATION = {"SYNC_ON_PUBLISH": True}
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor can exceed Django's default with long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Casebook"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "rtf", "txt", "xlsx"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# The search plugin (search/README.md). Without a URL it answers from its index in the database.
SEARCH = {"URL": os.environ.get("ELASTICSEARCH_URL", "")}

# Publish webhooks to front-ends (docs/webhooks.md; every key: cms/webhooks/conf.py).
CASEBOOK_WEBHOOKS = {"ENDPOINTS": []}

# The delivery API (cms.api): WAGTAILAPI_BASE_URL makes Wagtail API v2 links absolute;
# draft previews open CASEBOOK_FRONTEND_URL. CASEBOOK_API overrides cms.conf.DEFAULTS.
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
CASEBOOK_FRONTEND_URL = os.environ.get("CASEBOOK_FRONTEND_URL", "")

# The API's response cache must be shared by every worker (cms/api/README.md):
# Redis from REDIS_URL; a per-process memory cache only for one-process development.
CACHES = {
    "default": {
        "BACKEND": "cms.cache.RedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    }
    if os.environ.get("REDIS_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# Wagtail's API v2 runs on Django REST framework, whose default also accepts HTTP
# Basic authentication: a staff password sent with every request, open to
# guessing outside the login throttle's view. Only the admin's session signs in.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication"
    ],
}

CORS_URLS_REGEX = rf"^{re.escape(mount.PREFIX)}"
# Front-ends send a draft's preview token in a header (cms/preview.py).
CORS_ALLOW_HEADERS = (*default_cors_headers, "x-preview-token")
CORS_ALLOWED_ORIGINS = [
    o for o in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",") if o
]

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "casebook@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()

# Each worker reads the letters' fonts once as it starts (about half a second for
# the Chinese one), not while a supporter waits for their first letter. A missing
# font must not keep the API from starting: letters then fail on their own.
from caseblocks.letters.render import warm_fonts  # noqa: E402

try:
    warm_fonts()
except OSError:
    logging.getLogger(__name__).exception("Could not read the letters' fonts.")

"""Wagtail's image serve view at signed URLs, for images visitors may see.

The signature (``wagtail.images.utils.generate_signature``) binds the image and
the filter, so only the sizes the API handed out can be asked for. On top of
Wagtail's view:

- an image is served only while a page a visitor may read uses it
  (``cms.visibility.visible_images``): a signed URL handed out while a page was
  public stops working when the page is unpublished or made private;
- a bad signature, an unknown image and an image no visible page uses answer the
  same 404, so the view tells an outsider nothing about the library;
- each client address may make ``SERVE_RATE_LIMIT`` requests per window: the
  view makes renditions on first use, which costs the server time.
"""

from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotFound
from django.utils.crypto import salted_hmac

from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.utils import verify_signature
from wagtail.images.views.serve import ServeView

from caseblocks.client_address import client_network
from cms.images import get_setting
from cms.visibility import visible_images


def parse_rule(rule):
    count, _slash, seconds = str(rule).partition("/")
    return max(1, int(count)), max(1, int(seconds))


def over_limit(request):
    """Count this request of its client; True once the client is over the limit."""
    count, seconds = parse_rule(get_setting("SERVE_RATE_LIMIT"))
    client = salted_hmac("cms.image_serve", client_network(request)).hexdigest()
    key = f"cms.image_serve:{client}"
    cache.add(key, 0, timeout=seconds)  # the window starts at the first request
    try:
        used = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=seconds)
        used = 1
    return used > count


def not_found():
    return HttpResponseNotFound(b"Not found", content_type="text/plain")


class VisibleImageServeView(ServeView):
    def get(self, request, signature, image_id, filter_spec, filename=None):
        if over_limit(request):
            response = HttpResponse(
                b"Too many requests", status=429, content_type="text/plain"
            )
            response["Retry-After"] = str(
                parse_rule(get_setting("SERVE_RATE_LIMIT"))[1]
            )
            return response
        if not verify_signature(signature.encode(), image_id, filter_spec):
            return not_found()
        image = visible_images().filter(pk=image_id).first()
        if image is None:
            return not_found()
        try:
            rendition = image.get_rendition(filter_spec)
        except InvalidFilterSpecError:  # signed by us, so only after a change of code
            return not_found()
        response = self.serve(rendition)
        response["Cache-Control"] = "public, max-age=3600"
        return response


serve = VisibleImageServeView.as_view()

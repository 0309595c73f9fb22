"""Middleware of the benchmark only: says whether the response cache served an answer.

An answer ``cms.api.responses`` served from the cache carries the tags it was
stored under and no body it made (``public_body``); every other answer was made.
"""


def served_from_cache(get_response):
    def middleware(request):
        response = get_response(request)
        cached = hasattr(response, "cache_tags") and not hasattr(
            response, "public_body"
        )
        response["X-Bench-Cache"] = "hit" if cached else "made"
        return response

    return middleware

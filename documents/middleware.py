"""Remember the origin a request came in on, for absolute permalinks when SITE_URL is unset."""

from contextvars import ContextVar

current_origin: ContextVar[str] = ContextVar("current_origin", default="")


class CurrentOriginMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_origin.set(request.build_absolute_uri("/").rstrip("/"))
        try:
            return self.get_response(request)
        finally:
            current_origin.reset(token)

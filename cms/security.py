"""HTTP protections that Django does not set itself: the client's address behind reverse
proxies, a Permissions-Policy header, a looser Content-Security-Policy in the admin, and the
page of a login locked after too many failures."""

import math

from django.conf import settings
from django.shortcuts import render

from csp.middleware import CSPMiddleware


def client_ip(request):
    """The visitor's address. Behind TRUSTED_PROXY_COUNT reverse proxies, each appending the
    address it received from to X-Forwarded-For, the client is the entry the outermost proxy
    added: entries before it were sent by the client and may be forged."""
    remote_addr = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if not count:
        return remote_addr
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    if len(forwarded) < count:
        return remote_addr
    return forwarded[-count]


class PermissionsPolicyMiddleware:
    """Turns off the browser features the site never uses, for the site and anything framed."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's policy (CONTENT_SECURITY_POLICY), replaced by CSP_ADMIN_DIRECTIVES under
    the admin: Wagtail's admin and wagtail-localize's editor still write inline scripts and
    styles (wagtail#1288), and the admin is reached only by signed-in staff."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only:
            return parts
        if request.path_info.startswith(settings.ADMIN_PATH_PREFIX):
            parts.replace = {**settings.CSP_ADMIN_DIRECTIVES, **(parts.replace or {})}
        elif getattr(request, "is_dummy", False):
            # Wagtail's preview renders a public page through the middleware with a fake
            # request at the page's own URL, and shows it in a frame of the admin.
            parts.replace = {"frame-ancestors": ["'self'"], **(parts.replace or {})}
        return parts


def lockout_response(request, original_response=None, credentials=None):
    """django-axes' answer to a locked-out login: a page that says why and for how long."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds())
    response = render(
        request,
        "security/lockout.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": math.ceil(seconds / 60)},
        status=429,
    )
    response["Retry-After"] = str(seconds)
    return response

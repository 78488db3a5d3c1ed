"""Structured logs: one JSON object per line, with the request's id, method and path on every
line written while it is served, and one line per request with its status."""

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar
from datetime import UTC, datetime

_request = ContextVar("request_log_context", default=None)
# A request id from the proxy is kept only if it looks like one, so that it cannot inject
# text into the logs.
REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

logger = logging.getLogger("cms.requests")


class JsonFormatter(logging.Formatter):
    """Only named fields of the record are written: never the request object, its headers,
    cookies or form data, nor the settings."""

    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        context = _request.get()
        if context:
            entry.update(context)
        for name in ("status", "duration_ms"):
            if hasattr(record, name):
                entry[name] = getattr(record, name)
        if getattr(record, "status_code", None):
            # Set by Django on its django.request and django.security records.
            entry["status"] = record.status_code
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


class RequestLogMiddleware:
    """Gives each request an id (the proxy's X-Request-ID when it sends one), returned in the
    response's X-Request-ID so that a visitor's report can be matched with the logs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return logged(request, lambda: self.get_response(request))


def logged(request, respond):
    """The response of `respond()` with the request's id, and its log line."""
    request_id = request.headers.get("X-Request-ID", "")
    if not REQUEST_ID.match(request_id):
        request_id = uuid.uuid4().hex
    token = _request.set({"request_id": request_id, "method": request.method, "path": request.path})
    started = time.monotonic()
    try:
        response = respond()
        response["X-Request-ID"] = request_id
        logger.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "status": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
            },
        )
        return response
    finally:
        _request.reset(token)

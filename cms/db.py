"""Reads from a replica, when DATABASE_REPLICA_URL sets one, only where a stale read is
harmless: the reads of GET and HEAD requests outside the admin from visitors without a
session. Editors always have a session, so that they see at once what they just saved or
published (Wagtail reads its own writes: revisions, the page tree, previews); every write,
every POST, the admin, management commands and background tasks use the primary."""

from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
_use_replica = ContextVar("use_replica", default=False)


def may_read_from_replica(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path_info.startswith(settings.ADMIN_PATH_PREFIX)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class ReplicaMiddleware:
    """Marks the requests whose reads may go to the replica (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _use_replica.set(may_read_from_replica(request))
        try:
            return self.get_response(request)
        finally:
            _use_replica.reset(token)


class ReplicaRouter:
    """Installed only with a replica (cms/settings/base.py)."""

    def db_for_read(self, model, **hints):
        return REPLICA if _use_replica.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # The replica receives the schema by replication.
        return db == "default"

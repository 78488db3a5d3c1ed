"""A Redis cache that the site survives without: when Redis cannot be reached, reads are
misses and writes are dropped, with one warning in the logs, instead of a 500. A process
that dropped writes clears the cache when Redis is back, so that nothing stale survives."""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

# Seconds during which a process stops trying Redis after a failure, so that an outage
# costs one failed connection per process and period instead of one per cache call.
RETRY_AFTER = 10


def _key_not_found(key, *args):
    raise ValueError(f"Key '{key}' not found.")


def _degrades_to(miss, writes=True):
    """Run a client method, or answer `miss(*args)` while Redis is unavailable."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if time.monotonic() >= self.unavailable_until:
                try:
                    self.clear_if_writes_were_missed()
                    return method(self, *args, **kwargs)
                except RedisError as error:
                    self.unavailable_until = time.monotonic() + RETRY_AFTER
                    logger.warning(
                        "Redis cache unavailable, cache calls are misses for %s s: %s",
                        RETRY_AFTER,
                        error,
                    )
            self.missed_writes = self.missed_writes or writes
            return miss(*args)

        return wrapper

    return decorate


class TolerantRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options):
        # A cache answers fast or not at all: redis-py would otherwise retry three times
        # with a growing pause, and wait without limit on a Redis that does not answer.
        options.setdefault("retry", Retry(NoBackoff(), 1))
        options.setdefault("socket_connect_timeout", 1)
        options.setdefault("socket_timeout", 1)
        super().__init__(servers, **options)
        self.unavailable_until = 0.0
        self.missed_writes = False

    def clear_if_writes_were_missed(self):
        """A value deleted or replaced during the outage (a page published, a setting
        changed) would come back stale once Redis answers again: start afresh instead."""
        if self.missed_writes:
            RedisCacheClient.clear(self)
            self.missed_writes = False
            logger.warning("Redis cache back and cleared, as writes were dropped meanwhile.")

    add = _degrades_to(lambda *args: False)(RedisCacheClient.add)
    get = _degrades_to(lambda key, default: default, writes=False)(RedisCacheClient.get)
    set = _degrades_to(lambda *args: None)(RedisCacheClient.set)
    touch = _degrades_to(lambda *args: False)(RedisCacheClient.touch)
    delete = _degrades_to(lambda *args: False)(RedisCacheClient.delete)
    get_many = _degrades_to(lambda *args: {}, writes=False)(RedisCacheClient.get_many)
    has_key = _degrades_to(lambda *args: False, writes=False)(RedisCacheClient.has_key)
    incr = _degrades_to(_key_not_found)(RedisCacheClient.incr)
    set_many = _degrades_to(lambda *args: None)(RedisCacheClient.set_many)
    delete_many = _degrades_to(lambda *args: None)(RedisCacheClient.delete_many)
    clear = _degrades_to(lambda *args: False)(RedisCacheClient.clear)


class TolerantRedisCache(RedisCache):
    """Django's Redis cache, degrading to a miss instead of raising when Redis is down."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = TolerantRedisCacheClient

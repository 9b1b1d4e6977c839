"""Redis as the shared cache, as an accelerator only: with Redis unreachable the site goes on
without it (docs/caching.md).

Each call that cannot reach Redis answers as an empty cache would (nothing found, nothing
stored; incr raises ValueError as for a missing key), says so in the log once, and for the
next RETRY_SECONDS no call tries again, so a dead cache costs each request nothing. After
that the next call tries: when Redis answers, the log says so once and the cache is used
again. Short connect and read timeouts (settings.py) keep a Redis that hangs from holding
up a request.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 5.0
UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._unreachable_until = None  # monotonic time; None while Redis answers

    def _call(self, method, fallback, *args, **kwargs):
        if self._unreachable_until is not None and time.monotonic() < self._unreachable_until:
            return fallback()
        try:
            result = method(*args, **kwargs)
        except UNREACHABLE as error:
            if self._unreachable_until is None:
                logger.warning(
                    "The shared cache is unreachable (%s): pages are built without it, "
                    "trying again every %.0f s.",
                    error,
                    RETRY_SECONDS,
                )
            self._unreachable_until = time.monotonic() + RETRY_SECONDS
            return fallback()
        if self._unreachable_until is not None:
            logger.warning("The shared cache is reachable again.")
            self._unreachable_until = None
        return result

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().add, _false, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call(super().get, lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set, _none, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().touch, _false, key, timeout, version)

    def delete(self, key, version=None):
        return self._call(super().delete, _false, key, version)

    def get_many(self, keys, version=None):
        return self._call(super().get_many, dict, keys, version)

    def has_key(self, key, version=None):
        return self._call(super().has_key, _false, key, version)

    def incr(self, key, delta=1, version=None):
        return self._call(super().incr, _missing(key), key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call(super().set_many, lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call(super().delete_many, _none, keys, version)

    def clear(self):
        return self._call(super().clear, _false)


def _false():
    return False


def _none():
    return None


def _missing(key):
    def fallback():
        raise ValueError(f"Key '{key}' not found (the shared cache is unreachable).")

    return fallback

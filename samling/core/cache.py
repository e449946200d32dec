"""Django's Redis cache, keeping its client object instead of making one for every call.

Django builds a new `redis.Redis` for each get or set (only the connection pool is kept), and
building one costs about as much as the round trip to Redis. A page view or a registration
asks the cache a few times, so this is worth the few lines.
"""

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class ReusedRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            # redis.Redis is safe to share between threads; its pool hands out connections.
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(
                    self._servers[index], **self._pool_options
                )
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedRedisCacheClient

    def add_or_get(self, key, value, timeout):
        """Store `value` unless the key exists; None when stored, else the value held. In one
        round trip (SET NX GET, Redis 7)."""
        key = self.make_and_validate_key(key)
        serializer = self._cache._serializer
        held = self._cache.get_client(key, write=True).set(
            key, serializer.dumps(value), nx=True, get=True, ex=self.get_backend_timeout(timeout)
        )
        return None if held is None else serializer.loads(held)


def add_or_get(cache, key, value, timeout):
    """The same for any cache: two calls where the backend has no single one."""
    if isinstance(cache, RedisCache):
        return cache.add_or_get(key, value, timeout)
    if cache.add(key, value, timeout):
        return None
    return cache.get(key)

from django.core.cache.backends.locmem import LocMemCache

from samling.core.cache import RedisCache, add_or_get


def test_the_redis_cache_keeps_one_client_per_server():
    # Building a client costs as much as a round trip; none is made until a command is sent.
    cache = RedisCache("redis://127.0.0.1:1/0;redis://127.0.0.1:2/0", {})
    writer = cache._cache.get_client(write=True)
    assert cache._cache.get_client(write=True) is writer
    reader = cache._cache.get_client(write=False)
    assert reader is not writer and cache._cache.get_client(write=False) is reader
    assert writer.connection_pool.connection_kwargs["port"] == 1
    assert reader.connection_pool.connection_kwargs["port"] == 2


def test_add_or_get_stores_once_then_tells_what_is_held():
    cache = LocMemCache("add-or-get", {})
    assert add_or_get(cache, "key", 1.5, 5) is None
    assert add_or_get(cache, "key", 2.5, 5) == 1.5
    assert cache.get("key") == 1.5

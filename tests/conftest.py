import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _isolated(settings, tmp_path):
    """Each test gets its own media folder and an empty cache."""
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def demo(db):
    from samling.core.demo.load import load_demo

    return load_demo()

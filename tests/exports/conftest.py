import pytest

from .helpers import KL, SKELLEFTEA


@pytest.fixture
def skelleftea(demo):
    from samling.events.models import Event

    return Event.objects.get(slug=SKELLEFTEA)


@pytest.fixture
def kl_event(demo):
    from samling.events.models import Event

    return Event.objects.get(slug=KL)

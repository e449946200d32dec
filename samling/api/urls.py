from ninja import NinjaAPI

from .events import router as events_router
from .registrations import router as registrations_router

api = NinjaAPI(
    title="Samling API",
    version="1",
    description="Published events of municipal networks, with their programmes.",
    urls_namespace="api-1",
)
api.add_router("/", events_router)
api.add_router("/", registrations_router)

urlpatterns = api.urls[0]

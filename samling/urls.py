from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from samling.api.urls import api

urlpatterns = [
    path("admin/", admin.site.urls),
    path("orga/", include("samling.orga.urls")),
    path("api/v1/", api.urls),
    # Uploaded attachments. A production proxy may serve MEDIA_ROOT itself instead.
    re_path(r"^media/(?P<path>.+)$", serve, {"document_root": settings.MEDIA_ROOT}),
    path("", include("samling.public.urls")),
]

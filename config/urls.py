from importlib.util import find_spec

from django.contrib import admin
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", RedirectView.as_view(url=static("img/favicon.svg"), permanent=True)),
]
# Each feature app owns its URLs; an app without a urls module adds none.
for app in ("search", "commitments", "lineage"):
    if find_spec(f"{app}.urls"):
        urlpatterns.append(path("", include(f"{app}.urls")))
urlpatterns.append(path("", include("documents.urls")))

handler404 = "documents.errors.not_found"
handler500 = "documents.errors.server_error"

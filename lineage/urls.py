from django.urls import path

from . import views

app_name = "lineage"

urlpatterns = [
    path("compare/", views.compare_start, name="compare_start"),
    path("compare/<slug:slug_a>/<slug:slug_b>/", views.compare, name="compare"),
    path("series/", views.series_list, name="series_list"),
    path("series/<slug:slug>/", views.series_detail, name="series_detail"),
    path("agreed-language/", views.agreed_language, name="agreed_language"),
    path("api/compare/<slug:slug_a>/<slug:slug_b>/", views.api_compare, name="api_compare"),
    path("api/agreed-language/", views.api_agreed_language, name="api_agreed_language"),
]

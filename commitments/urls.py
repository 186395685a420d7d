from django.urls import path

from . import views

app_name = "commitments"

urlpatterns = [
    path("actors/", views.actor_list, name="actor_list"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor_detail"),
    path("commitment-types/", views.type_list, name="type_list"),
    path("commitment-types/<slug:slug>/", views.type_detail, name="type_detail"),
    path("matrix/", views.matrix, name="matrix"),
]

from django.urls import path, re_path

from . import views

app_name = "documents"

ANCHOR = r"(?P<anchor>(?:pp|op|annex[0-9]*|p)-[0-9]+(?:-[a-z0-9]+)*)"

urlpatterns = [
    path("", views.home, name="home"),
    path("documents/", views.document_list, name="list"),
    path("documents/<slug:slug>/", views.document_detail, name="detail"),
    re_path(
        rf"^documents/(?P<slug>[-a-zA-Z0-9_]+)/{ANCHOR}/$", views.paragraph_detail, name="paragraph"
    ),
    re_path(r"^symbol/(?P<symbol>.+?)/?$", views.symbol_redirect, name="symbol"),
    path("api/documents/", views.api_document_list, name="api_list"),
    path("api/documents/<slug:slug>/", views.api_document_detail, name="api_detail"),
    re_path(
        rf"^api/documents/(?P<slug>[-a-zA-Z0-9_]+)/{ANCHOR}/$",
        views.api_paragraph_detail,
        name="api_paragraph",
    ),
]

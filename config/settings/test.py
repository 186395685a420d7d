"""Test settings: only what tests need differs from base."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")

from .base import *  # noqa: E402,F403
from .base import HAYSTACK_CONNECTIONS  # noqa: E402

DEBUG = False
ALLOWED_HOSTS = ["*"]
SITE_URL = "http://127.0.0.1:8000"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = tempfile.mkdtemp(prefix="untip-test-static-")
WHITENOISE_USE_FINDERS = True
# Each test session gets its own index directory; search tests make their own per test.
HAYSTACK_CONNECTIONS["default"]["PATH"] = tempfile.mkdtemp(prefix="untip-test-index-")
HAYSTACK_CONNECTIONS["default"]["SILENTLY_FAIL"] = False

import os

import pytest

# Playwright's sync API runs an event loop; browser tests that touch the ORM need this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def document(db):
    from tests.factories import make_document

    return make_document(symbol="A/RES/72/195", title="Improving the coordination of efforts")

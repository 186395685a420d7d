import pytest


@pytest.fixture
def taxonomy(db):
    """The shipped actors and types (reference data) in the test database."""
    from commitments.services import taxonomy_load

    return taxonomy_load()

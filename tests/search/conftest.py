"""Each search test gets its own Whoosh index directory and fresh haystack connections."""

import copy

import pytest
from haystack import connections

from search import backend as search_backend


def _reset(settings_conns):
    connections.connections_info = settings_conns
    connections.thread_local.__dict__.pop("connections", None)
    connections._index = None
    search_backend._GENERATIONS.clear()
    search_backend._SHARED.clear()


@pytest.fixture
def search_index(settings, tmp_path):
    """A temporary, empty index location; `reindex()` drains the queue into it."""
    conns = copy.deepcopy(settings.HAYSTACK_CONNECTIONS)
    conns["default"]["PATH"] = str(tmp_path / "index")
    conns["default"]["SILENTLY_FAIL"] = False
    settings.HAYSTACK_CONNECTIONS = conns
    _reset(conns)
    yield tmp_path / "index"
    _reset(settings.HAYSTACK_CONNECTIONS)


@pytest.fixture
def drain(search_index):
    """Run the index worker until the queue is empty (what run_index_worker does)."""
    from search.indexing import queue_drain

    def run():
        while queue_drain().entries:
            pass

    return run

"""Random queries and parameters never break the search page."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import make_document, make_paragraph

pytestmark = pytest.mark.django_db

SYNTAX = st.sampled_from(
    ['"', "*", "?", "(", ")", "AND", "OR", "NOT", "-", ":", "symbol:", "text:", "[", "]", "^", "~"]
)
WORDS = st.sampled_from(["trafficking", "victims", "data", "supply chains", "A/RES/55/25", "x"])
QUERY = st.lists(st.one_of(SYNTAX, WORDS, st.text(max_size=12)), max_size=12).map(" ".join)
PARAMS = st.fixed_dictionaries(
    {"q": QUERY},
    optional={
        "page": st.one_of(st.integers(-10, 10**12).map(str), st.text(max_size=5)),
        "sort": st.sampled_from(["relevance", "newest", "oldest", "document", "x", ""]),
        "body": st.text(max_size=30),
        "year": st.sampled_from(["2017", "1900", "*", ""]),
        "selected_facets": st.text(max_size=30),
    },
)


@pytest.fixture
def indexed(drain):
    doc = make_document(symbol="A/RES/55/25")
    make_paragraph(doc, text="Urges States to protect victims of trafficking in supply chains;")
    make_paragraph(doc, text="Calls for data collection;")
    drain()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(params=PARAMS)
def test_any_query_gets_a_page(client, indexed, params):
    params = {k: v.replace("\x00", "") for k, v in params.items()}
    response = client.get(reverse("search:search"), params)
    assert response.status_code == 200
    api = client.get(reverse("search:api_search"), params)
    assert api.status_code == 200
    assert api.json()["total"] >= 0

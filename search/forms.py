"""The search box. Facet parameters are read by `search.params.parse_params`."""

from django import forms

from .facets import SORTS
from .querytext import MAX_LENGTH


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search paragraphs",
        required=False,
        widget=forms.TextInput(
            attrs={
                "type": "search",
                "placeholder": 'e.g. non-punishment of victims, "supply chains", data -Internet',
                "aria-describedby": "search-help",
                "maxlength": MAX_LENGTH * 4,
            }
        ),
    )
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[(key, label) for key, (label, _) in SORTS.items()],
    )

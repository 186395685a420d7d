from django import forms
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

from .models import Actor, CommitmentType


class ChangeTypesForm(forms.Form):
    _selected_action = forms.CharField(widget=forms.MultipleHiddenInput)
    action = forms.CharField(widget=forms.HiddenInput)
    types = forms.ModelMultipleChoiceField(
        queryset=CommitmentType.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
        help_text="Added to (or removed from) every selected commitment; other types stay.",
    )


class MergeActorForm(forms.Form):
    _selected_action = forms.CharField(widget=forms.MultipleHiddenInput)
    action = forms.CharField(widget=forms.HiddenInput)
    target = forms.ModelChoiceField(
        queryset=Actor.objects.order_by("name"),
        label="Merge into",
        help_text="The selected actors are folded into this one and deleted.",
    )


class TryTaggerForm(forms.Form):
    text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=20000,
        help_text="Paste a paragraph: see the actors, commitments and types the rules give.",
    )
    speaker = forms.ModelChoiceField(
        queryset=Actor.objects.order_by("name"), required=False, help_text="Who “Decides”"
    )


SELECTED = ACTION_CHECKBOX_NAME

from django import forms

from .extraction import extract_text
from .parsing import DocumentParseError
from .services import document_parse


class DocumentImportForm(forms.Form):
    """Step one of the admin import: a file or pasted text, and optional overrides."""

    file = forms.FileField(
        required=False, help_text="A .txt file or a PDF with a text layer (up to 10 MB)."
    )
    text = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 12, "cols": 100}),
        help_text="Or paste the document's text.",
    )
    symbol = forms.CharField(
        required=False, max_length=100, help_text="Only when the text prints none or a wrong one."
    )
    slug = forms.SlugField(
        required=False, max_length=120, help_text="Required when the document has no symbol."
    )
    title = forms.CharField(required=False, max_length=500, help_text="Override the title.")
    publish = forms.BooleanField(required=False, help_text="Make it public on saving.")

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("file")
        text = cleaned.get("text", "")
        if upload:
            try:
                text = extract_text(upload.read(), filename=upload.name)
            except DocumentParseError as error:
                message = str(error)
                if not message.startswith(upload.name):
                    message = f"{upload.name}: {message}"
                raise forms.ValidationError(message) from error
            cleaned["source_name"] = upload.name
        elif not text.strip():
            raise forms.ValidationError("Upload a file or paste the document's text.")
        else:
            cleaned["source_name"] = cleaned.get("source_name") or "pasted text"
        try:
            cleaned["parsed"] = document_parse(text=text, symbol=cleaned.get("symbol") or None)
        except DocumentParseError as error:
            raise forms.ValidationError(str(error)) from error
        cleaned["text"] = text
        return cleaned


class DocumentImportConfirmForm(forms.Form):
    """Step two: the previewed text travels back unchanged and is imported."""

    text = forms.CharField(widget=forms.HiddenInput)
    source_name = forms.CharField(widget=forms.HiddenInput, required=False)
    symbol = forms.CharField(widget=forms.HiddenInput, required=False)
    slug = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(widget=forms.HiddenInput, required=False)
    publish = forms.BooleanField(widget=forms.HiddenInput, required=False)


class LinesField(forms.CharField):
    """A list of strings edited as one item per line (agenda items, sponsors)."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(value)
        return value

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return list(value)
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class DocumentAdminForm(forms.ModelForm):
    agenda_items = LinesField(required=False, help_text="One agenda item per line.")
    sponsors = LinesField(required=False, help_text="One Member State per line, as printed.")

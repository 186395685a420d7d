from django import template

register = template.Library()


@register.filter
def text_after_lead(paragraph) -> str:
    """The paragraph's text without its lead phrase, when the text opens with it."""
    if paragraph.lead and paragraph.text.startswith(paragraph.lead):
        return paragraph.text[len(paragraph.lead) :]
    return paragraph.text


@register.filter
def has_lead(paragraph) -> bool:
    return bool(paragraph.lead) and paragraph.text.startswith(paragraph.lead)


@register.filter
def printed_number(paragraph) -> str:
    """The number as the document prints it: "10.", "(a)"; "" when unnumbered."""
    if not paragraph.number:
        return ""
    if paragraph.kind == "subparagraph":
        return f"({paragraph.number})"
    return f"{paragraph.number}."


@register.filter
def margin_label(paragraph) -> str:
    """What the margin shows: the printed number, else a short label for the anchor."""
    printed = printed_number(paragraph)
    if printed:
        return printed
    prefix, _, rest = paragraph.anchor.partition("-")
    return {"pp": "PP", "p": "¶"}.get(prefix, "") + rest

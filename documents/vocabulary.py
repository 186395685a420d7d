"""The closed vocabularies shared by the parser, the models and the pages.

They are `TextChoices` so that models, forms and the admin use them directly; the
parser only uses their string values and never touches the ORM.
"""

from django.db import models


class DocumentType(models.TextChoices):
    RESOLUTION = "resolution", "Resolution"
    DRAFT_RESOLUTION = "draft_resolution", "Draft resolution"
    POLITICAL_DECLARATION = "political_declaration", "Political declaration"
    DECISION = "decision", "Decision"
    LETTER = "letter", "Letter"
    REPORT = "report", "Report"
    OTHER = "other", "Other document"


class Part(models.TextChoices):
    PREAMBLE = "preamble", "Preamble"
    OPERATIVE = "operative", "Operative part"
    ANNEX = "annex", "Annex"
    LETTER = "letter", "Letter body"
    ENCLOSURE = "enclosure", "Enclosure"


class Kind(models.TextChoices):
    PREAMBULAR = "preambular", "Preambular paragraph"
    OPERATIVE = "operative", "Operative paragraph"
    ANNEX = "annex", "Annex or declaration paragraph"
    SUBPARAGRAPH = "subparagraph", "Sub-paragraph"
    HEADING = "heading", "Heading"
    OTHER = "other", "Other paragraph"


class Relation(models.TextChoices):
    """How a source document relates to a target. Each has a label for both directions."""

    DRAFT_OF = "draft_of", "Draft of"
    TRANSMITS = "transmits", "Transmits"
    ANNEX_OF = "annex_of", "Annex of"
    RECALLS = "recalls", "Recalls"
    PREVIOUS_IN_SERIES = "previous_in_series", "Previous in series"


# (label on the source's page, label on the target's page)
RELATION_LABELS: dict[str, tuple[str, str]] = {
    Relation.DRAFT_OF: ("Adopted as", "Draft"),
    Relation.TRANSMITS: ("Transmits", "Transmitted by"),
    Relation.ANNEX_OF: ("Annex of", "Has annex"),
    Relation.RECALLS: ("Recalls", "Recalled by"),
    Relation.PREVIOUS_IN_SERIES: ("Next in series", "Previous in series"),
}

"""Closed vocabularies of the commitments app (kinds, strengths, statuses).

Plain `TextChoices`: the pure tagger uses their string values only.
"""

from django.db import models


class ActorKind(models.TextChoices):
    MEMBER_STATE = "member_state", "Member State"
    STATE_GROUP = "state_group", "Group of States"
    UN_ORGAN = "un_organ", "UN principal organ or body"
    UN_SECRETARIAT = "un_secretariat", "UN Secretariat and officials"
    UN_ENTITY = "un_entity", "UN entity"
    COORDINATION = "coordination", "Coordination mechanism"
    SPECIAL_PROCEDURE = "special_procedure", "Special procedure"
    REGIONAL_ORGANIZATION = "regional_organization", "Regional or international organization"
    CIVIL_SOCIETY = "civil_society", "Civil society and NGOs"
    PRIVATE_SECTOR = "private_sector", "Private sector"
    OTHER_STAKEHOLDER = "other_stakeholder", "Media, academia, parliamentarians and others"
    VICTIMS = "victims", "Victims and survivors"


class Strength(models.TextChoices):
    """Ordered from strongest to weakest; `STRENGTH_RANK` gives the order."""

    DECIDES = "decides", "Decides, requests, commits"
    URGES = "urges", "Urges, calls upon"
    ENCOURAGES = "encourages", "Encourages, invites"
    NOTES = "notes", "Welcomes, notes, recognizes (no action asked)"


STRENGTH_RANK = {s.value: i for i, s in enumerate(Strength)}


class Status(models.TextChoices):
    SUGGESTED = "suggested", "Suggested"
    CONFIRMED = "confirmed", "Confirmed"
    REJECTED = "rejected", "Rejected"


class Origin(models.TextChoices):
    RULE = "rule", "Rule"
    CURATOR = "curator", "Curator"


class Role(models.TextChoices):
    ADDRESSEE = "addressee", "Addressee or committing party"
    MENTION = "mention", "Mentioned"


class RelationKind(models.TextChoices):
    MEMBER_OF = "member_of", "Member of"
    COORDINATES = "coordinates", "Coordinates"
    REPORTS_TO = "reports_to", "Reports to"
    PART_OF = "part_of", "Part of"
    SUBSIDIARY_OF = "subsidiary_of", "Subsidiary body of"
    MERGED_INTO = "merged_into", "Merged into"


RELATION_LABELS = {
    RelationKind.MEMBER_OF: ("Member of", "Members"),
    RelationKind.COORDINATES: ("Coordinates", "Coordinated by"),
    RelationKind.REPORTS_TO: ("Reports to", "Receives reports from"),
    RelationKind.PART_OF: ("Part of", "Includes"),
    RelationKind.SUBSIDIARY_OF: ("Subsidiary body of", "Subsidiary bodies"),
    RelationKind.MERGED_INTO: ("Merged into", "Absorbed"),
}


class RuleKind(models.TextChoices):
    PHRASE = "phrase", "Phrase (case-insensitive, whole words)"
    PATTERN = "pattern", "Regular expression"

"""The pure tagger, table-driven. Most cases are corpus sentences; the last group comes
from resolutions outside the corpus (Security Council, Human Rights Council, ECOSOC), to
keep the rules general."""

from pathlib import Path

import pytest

from commitments.evaluation import catalogue_from_fixtures
from commitments.tagging import ActorName, Catalogue, Rule, extract, find_actors, split_clauses

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "commitments"


@pytest.fixture(scope="module")
def catalogue():
    return catalogue_from_fixtures(FIXTURES)


def actors_in(text, catalogue, **kw):
    return [m.slug for m in find_actors(text, catalogue, **kw)[0]]


@pytest.mark.parametrize(
    "text, expected",
    [
        # longest match: the Special Rapporteur, not the Council
        (
            "cooperate with the Special Rapporteur of the Human Rights Council on trafficking "
            "in persons, especially women and children",
            ["sr-trafficking"],
        ),
        (
            "the Human Rights Council and the Security Council",
            ["human-rights-council", "security-council"],
        ),
        # word boundaries: Niger is not in Nigeria; Sudan is not South Sudan
        ("Nigeria, South Sudan and Niger", ["nigeria", "south-sudan", "niger"]),
        (
            "Conference of the Parties to the United Nations Convention against Transnational "
            "Organized Crime",
            ["cop-untoc"],
        ),
        ("Civil society organizations and the private sector", ["civil-society", "private-sector"]),
        ("Member States and States parties", ["member-states", "states-parties"]),
        ("the Office of the United Nations High Commissioner for Refugees", ["unhcr"]),
        (
            "the United Nations Entity for Gender Equality and the Empowerment of Women (UN-Women)",
            ["un-women"],
        ),
        (
            "Bolivia (Plurinational State of) and the former Yugoslav Republic of Macedonia",
            ["bolivia", "north-macedonia"],
        ),
    ],
)
def test_actor_recognition(catalogue, text, expected):
    assert actors_in(text, catalogue) == expected


@pytest.mark.parametrize(
    "text, context, expected",
    [
        # "the Office" after UNODC in the same paragraph
        (
            "support for the United Nations Office on Drugs and Crime and contributions to "
            "the Office",
            [],
            ["unodc", "unodc"],
        ),
        # resolved from the document's earlier paragraphs
        ("to be produced by the Office in 2018", ["ohchr", "unodc"], ["unodc"]),
        ("a meeting of the Coordination Group", ["icat"], ["icat"]),
        # no antecedent: a back-reference names nobody
        ("to be produced by the Office in 2018", [], []),
        ("the Council", ["security-council"], ["security-council"]),
    ],
)
def test_back_references(catalogue, text, context, expected):
    assert actors_in(text, catalogue, context=context) == expected


def test_acronym_in_parentheses_becomes_a_name():
    catalogue = Catalogue(names=[ActorName("gaatw", "Global Alliance against Traffic in Women")])
    text = "the Global Alliance against Traffic in Women (GAATW) ... GAATW will report"
    matches, learned = find_actors(text, catalogue)
    assert [m.slug for m in matches] == ["gaatw", "gaatw"]
    assert learned == {"GAATW": "gaatw"}


def test_longest_match_wins_over_a_shorter_name_inside_it():
    catalogue = Catalogue(
        names=[
            ActorName("hrc", "Human Rights Council"),
            ActorName("sr", "Special Rapporteur of the Human Rights Council on X"),
        ]
    )
    assert actors_in("the Special Rapporteur of the Human Rights Council on X", catalogue) == ["sr"]


@pytest.mark.parametrize(
    "text, commitments, mentions",
    [
        (
            "Requests the United Nations Office on Drugs and Crime, as coordinator of the "
            "Inter-Agency Coordination Group, as a matter of priority, to convene a meeting of "
            "the Coordination Group at the level of principals;",
            [("unodc", "requests", "decides")],
            ["icat"],
        ),
        (
            "Urges Member States and other stakeholders mentioned in the Global Plan of Action, "
            "and invites the Conference of the Parties to the United Nations Convention against "
            "Transnational Organized Crime and relevant international, regional and subregional "
            "organizations, within their respective mandates, to continue to contribute;",
            [
                ("member-states", "urges", "urges"),
                ("stakeholders", "urges", "urges"),
                ("cop-untoc", "invites", "encourages"),
                ("international-organizations", "invites", "encourages"),
            ],
            [],
        ),
        (
            "Requests the Secretary-General to submit a report on the implementation of the "
            "present resolution to the General Assembly at its seventy-fourth session.",
            [("secretary-general", "requests", "decides")],
            ["general-assembly"],
        ),
        (
            "Expresses support for the activities of the United Nations Office on Drugs and "
            "Crime, reaffirms its request to the Secretary-General to provide adequate support "
            "to the Commission on Crime Prevention and Criminal Justice, and invites Member "
            "States to make voluntary contributions to the Office;",
            [
                ("secretary-general", "reaffirms its request to", "decides"),
                ("member-states", "invites", "encourages"),
            ],
            ["unodc", "ccpcj"],
        ),
        (
            "Welcomes the biennial publication of the Global Report on Trafficking in Persons, "
            "prepared by the United Nations Office on Drugs and Crime;",
            [],
            ["unodc"],
        ),
        (
            "Requests the Secretary-General and the President of the General Assembly, in close "
            "cooperation with Member States, to take all appropriate measures;",
            [
                ("secretary-general", "requests", "decides"),
                ("president-general-assembly", "requests", "decides"),
            ],
            ["member-states"],
        ),
        (
            "Decides to include in the provisional agenda of its seventy-fourth session the item;",
            [("general-assembly", "decides", "decides")],
            [],
        ),
        # a declaration: "we" are the Member States
        (
            "We commit to intensify our efforts to prevent and address the demand that fosters "
            "trafficking. We urge the Secretary-General to ensure that all UN procurement is "
            "free from trafficking in persons.",
            [("member-states", "commit to", "decides"), ("secretary-general", "urge", "urges")],
            [],
        ),
        (
            "We recognize the important role played by ICAT and invite ICAT to continue to "
            "increase its activities.",
            [("icat", "invite", "encourages")],
            [],
        ),
        # the Global Plan of Action's bare imperatives
        (
            "Urge Governments to take all appropriate measures to ensure that identified "
            "victims are not penalized for having been trafficked;",
            [("governments", "urge", "urges")],
            [],
        ),
        (
            "Conduct research and collect suitably disaggregated data;",
            [("member-states", "conduct", "decides")],
            [],
        ),
        # "requests" as a noun asks nothing
        (
            "Stresses the need to respond to requests for mutual legal assistance from Member "
            "States;",
            [],
            ["member-states"],
        ),
        # From resolutions outside the corpus --------------------------------------------
        (
            "Calls upon all States to criminalize trafficking in persons and requests the "
            "Secretary-General to report to the Security Council on the implementation of this "
            "resolution;",
            [("states", "calls upon", "urges"), ("secretary-general", "requests", "decides")],
            ["security-council"],
        ),
        (
            "Encourages the Special Rapporteur on trafficking in persons, especially women and "
            "children, to continue to cooperate with the Office of the United Nations High "
            "Commissioner for Refugees;",
            [("sr-trafficking", "encourages", "encourages")],
            ["unhcr"],
        ),
        (
            "Strongly urges States parties to the Convention and the Protocol to strengthen "
            "their financial investigations into the proceeds of crime;",
            [("states-parties", "urges", "urges")],
            [],
        ),
        (
            "Recommends that Governments, in cooperation with civil society, adopt national "
            "action plans;",
            [("governments", "recommends", "encourages")],
            ["civil-society"],
        ),
        (
            "Demands that all parties to armed conflict protect civilians, and requests the "
            "Special Representative of the Secretary-General on Sexual Violence in Conflict to "
            "include information on trafficking in her reports;",
            [("srsg-sexual-violence-conflict", "requests", "decides")],
            [],
        ),
    ],
)
def test_commitments_and_mentions(catalogue, text, commitments, mentions):
    result = extract(text, catalogue, speaker="general-assembly")
    assert [(c.actor, c.verb, c.strength) for c in result.commitments] == commitments
    assert [m.slug for m in result.mentions] == mentions


def test_preambular_paragraphs_ask_nothing(catalogue):
    result = extract(
        "Recognizing the important role of the Inter-Agency Coordination Group",
        catalogue,
        operative=False,
    )
    assert result.commitments == []
    assert [m.slug for m in result.mentions] == ["icat"]


@pytest.mark.parametrize(
    "text, verbs",
    [
        ("Urges Member States to act, and invites the Conference to act;", ["urges", "invites"]),
        ("1. Urges Member States to act; and also urges States parties to act", ["urges", "urges"]),
        ("Takes note of the report and welcomes the briefings;", ["takes note", "welcomes"]),
        (
            "Further recalls its decision, and invites all stakeholders to observe",
            ["recalls", "invites"],
        ),
        # "encourages" inside a relative clause is not an operative verb
        ("Notes the plan, which encourages partnerships;", ["notes"]),
    ],
)
def test_clause_splitting(text, verbs):
    assert [c.verb for c in split_clauses(text)] == verbs


def test_clauses_cover_their_own_span(catalogue):
    text = (
        "Urges Member States to ratify the Protocol, and invites donors to provide contributions;"
    )
    result = extract(text, catalogue)
    first, second = result.commitments
    assert text[first.start : first.end] == "Urges Member States to ratify the Protocol"
    assert text[second.start : second.end].startswith("invites donors")
    assert first.types == ("ratification",)
    assert second.types == ("funding",)


@pytest.mark.parametrize(
    "rule, text, hit",
    [
        (Rule("t", "trust fund"), "contributions to the Trust  Fund", True),
        (Rule("t", "trust fund"), "the trustfund", False),
        (Rule("t", r"\bratif", "pattern"), "consider ratifying", True),
        (Rule("t", "data"), "database", False),
    ],
)
def test_type_rules_are_data(rule, text, hit):
    catalogue = Catalogue(names=[], rules=[rule])
    assert bool(catalogue.types_for(text)) is hit


def test_types_come_from_the_request_not_from_the_names(catalogue):
    text = (
        "Encourages Member States to cooperate with the Special Rapporteur on the sale and "
        "sexual exploitation of children;"
    )
    (commitment,) = extract(text, catalogue).commitments
    assert "children" not in commitment.types


@pytest.mark.parametrize(
    "text, deadline",
    [
        (
            "Requests the Secretary-General to report to it at its seventy-fourth session;",
            "at its seventy-fourth session",
        ),
        ("Requests UNODC to report by 2030;", "by 2030"),
        ("Requests UNODC to continue its work;", ""),
    ],
)
def test_deadlines(catalogue, text, deadline):
    assert extract(text, catalogue).commitments[0].deadline == deadline


def test_subparagraphs_continue_the_parents_request(catalogue):
    parent = extract("Requests the United Nations Office on Drugs and Crime:", catalogue)
    assert [c.actor for c in parent.open_ended] == ["unodc"]
    child = extract(
        "(a) To collect data on trafficking flows;", catalogue, inherit=parent.open_ended
    )
    assert [(c.actor, c.verb) for c in child.commitments] == [("unodc", "requests")]
    assert "data-research" in child.commitments[0].types


# Systematic errors found by reviewing every corpus paragraph (fixtures/commitments/reviewed.json)
@pytest.mark.parametrize(
    "text, first_person, expected",
    [
        # ", as well as civil society," continues the list of those invited; it is no aside
        (
            "Invites all Member States, relevant agencies of the United Nations system and other "
            "international organizations, as well as civil society, to continue to observe the "
            "World Day against Trafficking in Persons;",
            False,
            {
                ("member-states", "invites"),
                ("un-system", "invites"),
                ("international-organizations", "invites"),
                ("civil-society", "invites"),
            },
        ),
        # a capitalised adverb before a bare imperative of the Plan of Action
        (
            "Strongly urge all responsible United Nations entities to coordinate their efforts;",
            True,
            {("un-system", "urge")},
        ),
        (
            "Further encourage agencies, funds and programmes of the United Nations system to "
            "continue to improve the coherence of technical assistance delivery;",
            True,
            {("un-system", "encourage")},
        ),
        # a bare "Encourage" naming nobody commits the speakers
        (
            "Encourage effective cooperation and coordination of efforts at the national, "
            "bilateral, subregional, regional and international levels;",
            True,
            {("member-states", "encourage")},
        ),
        # ... but "Encourage the United Nations to" addresses someone: no guess
        (
            "Encourage the United Nations to intensify its work with Member States;",
            True,
            set(),
        ),
        # "the mandates of" is a noun, not "Mandates the ..."
        (
            "Support the role and mandates of the Special Rapporteurs on trafficking in persons;",
            True,
            {("member-states", "support")},
        ),
        # "We thus recognize ... and will enhance": the adverb does not hide the sentence's "we"
        (
            "We reiterate the need for data. We thus recognize the importance of data collection "
            "by national authorities and will enhance international cooperation to this end.",
            True,
            {("member-states", "will")},
        ),
        # reaffirming commitments to an agenda (a noun) asks nothing new; to a verb, it commits
        (
            "We recall and reaffirm our commitments to the 2030 Agenda for Sustainable "
            "Development, recognize the importance of partnerships in this regard.",
            True,
            set(),
        ),
        (
            "We reaffirm our commitment to address the factors that make people vulnerable.",
            True,
            {("member-states", "reaffirm our commitment to")},
        ),
    ],
)
def test_review_findings(catalogue, text, first_person, expected):
    kw = {"we": "member-states"} if first_person else {"we": None}
    found = {(c.actor, c.verb) for c in extract(text, catalogue, **kw).commitments}
    assert found == expected


@pytest.mark.parametrize(
    "text, context, absent",
    [
        # "the Council of the Baltic Sea States" names another body
        (
            "the Council of the Baltic Sea States Task Force against Trafficking",
            ["ecosoc"],
            "ecosoc",
        ),
        # the members of the Organization of American States are not "all States"
        ("adopted by States members of the Organization of American States", [], "states"),
    ],
)
def test_names_that_are_not_the_actor(catalogue, text, context, absent):
    assert absent not in actors_in(text, catalogue, context=context)


@pytest.mark.parametrize(
    "clause, expected, unexpected",
    [
        # blanked names leave runs of spaces; patterns written with one space still match
        ("to keep Member States informed of the schedule", "follow-up", None),
        # "identified victims are not penalized" is about non-punishment
        (
            "ensure that identified victims are not penalized for having been trafficked",
            "non-punishment",
            "victim-identification",
        ),
        ("identify possible victims of trafficking", "victim-identification", None),
        # a long run of words before "cooperation" is not regional cooperation
        (
            "at the national, regional and international levels, in a balanced, reliable and "
            "comprehensive manner, in close cooperation and collaboration with Member States",
            None,
            "international-cooperation",
        ),
    ],
)
def test_type_rules_found_by_review(catalogue, clause, expected, unexpected):
    types = set(
        {
            c.actor: c.types
            for c in extract(
                "Requests the Secretary-General " + clause + ";", catalogue
            ).commitments
        }["secretary-general"]
    )
    if expected:
        assert expected in types
    if unexpected:
        assert unexpected not in types

"""Reads used by the services, pages, API fields, search facets and commands."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Prefetch, Q
from django.urls import reverse

from documents.models import Document, Paragraph

from .models import (
    Actor,
    ActorAlias,
    Commitment,
    CommitmentType,
    Mention,
    ParagraphReview,
    TypeRule,
)
from .tagging import ActorName, Catalogue, Rule
from .vocabulary import ActorKind, Status, Strength


def catalogue_load() -> Catalogue:
    """Actor names and active type rules as plain data for the pure tagger (two queries)."""
    names = [
        ActorName(slug, text, back)
        for slug, text, back in ActorAlias.objects.values_list(
            "actor__slug", "text", "is_back_reference"
        )
    ]
    rules = [
        Rule(ctype, text, kind)
        for ctype, text, kind in TypeRule.objects.filter(is_active=True).values_list(
            "ctype__slug", "text", "kind"
        )
    ]
    return Catalogue(names=names, rules=rules)


# The type tree ------------------------------------------------------


@dataclass
class TypeNode:
    ctype: CommitmentType
    children: list[TypeNode] = field(default_factory=list)
    depth: int = 0
    count: int = 0  # commitments of this type or any descendant
    own_count: int = 0


def type_tree(*, published_only: bool = True) -> list[TypeNode]:
    """The taxonomy as nested nodes with counts that include descendants (three queries)."""
    types = list(CommitmentType.objects.prefetch_related("sdg_targets"))
    counts = _type_counts(published_only)
    nodes = {t.pk: TypeNode(t, own_count=counts.get(t.pk, 0)) for t in types}
    roots = []
    for t in types:
        (nodes[t.parent_id].children if t.parent_id in nodes else roots).append(nodes[t.pk])

    def walk(node, depth):
        node.depth = depth
        node.count = node.own_count + sum(walk(c, depth + 1) for c in node.children)
        return node.count

    for root in roots:
        walk(root, 0)
    return roots


def _type_counts(published_only: bool) -> dict[int, int]:
    qs = Commitment.objects.visible() if published_only else Commitment.objects.all()
    rows = qs.values("types").annotate(n=Count("pk", distinct=True))
    return {r["types"]: r["n"] for r in rows if r["types"]}


def type_descendant_slugs(slug: str) -> list[str]:
    """The slug and every descendant's: filtering on a parent includes its children."""
    pairs = list(CommitmentType.objects.values_list("slug", "parent__slug"))
    children = defaultdict(list)
    for child, parent in pairs:
        children[parent].append(child)
    out, stack = [], [slug]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(children.get(current, []))
    return out


def type_ancestor_map() -> dict[str, list[str]]:
    """slug -> [slug, parent, grandparent, ...] (one query)."""
    parents = dict(CommitmentType.objects.values_list("slug", "parent__slug"))
    out = {}
    for slug in parents:
        chain, node = [], slug
        while node and node not in chain:
            chain.append(node)
            node = parents.get(node)
        out[slug] = chain
    return out


def type_flat_list() -> list[TypeNode]:
    """The tree flattened in reading order (for selects and the matrix)."""
    flat: list[TypeNode] = []

    def walk(node):
        flat.append(node)
        for child in node.children:
            walk(child)

    for root in type_tree():
        walk(root)
    return flat


# Actors ------------------------------------------------------


def actor_groups(query: str = "") -> list[tuple[str, list[Actor]]]:
    """Actors grouped by kind, in the vocabulary's order, with counts; filtered by name."""
    actors = Actor.objects.with_counts().order_by("name")
    if query:
        actors = actors.filter(
            Q(name__icontains=query)
            | Q(short_name__icontains=query)
            | Q(aliases__text__icontains=query)
        ).distinct()
    grouped = defaultdict(list)
    for actor in actors:
        grouped[actor.kind].append(actor)
    return [(label, grouped[value]) for value, label in ActorKind.choices if grouped[value]]


def actor_get(slug: str) -> Actor | None:
    return (
        Actor.objects.prefetch_related(
            "aliases",
            Prefetch("relations_out", queryset=_relations().select_related("target")),
            Prefetch("relations_in", queryset=_relations().select_related("source")),
        )
        .filter(slug=slug)
        .first()
    )


def _relations():
    from .models import ActorRelation

    return ActorRelation.objects.all()


def actor_commitments(actor: Actor) -> list[Commitment]:
    """Commitments addressed to the actor, newest document first."""
    return list(
        Commitment.objects.visible()
        .filter(actor=actor)
        .for_display()
        .order_by(
            "-paragraph__document__adopted",
            "-paragraph__document__distributed",
            "paragraph__document__slug",
            "paragraph__position",
            "clause_start",
        )
    )


def actor_mentions(actor: Actor, limit: int = 200) -> list[Mention]:
    return list(
        Mention.objects.visible()
        .filter(actor=actor)
        .select_related("paragraph__document", "paragraph__parent")
        .order_by(
            "-paragraph__document__adopted", "paragraph__document__slug", "paragraph__position"
        )[:limit]
    )


def sponsor_actors(names: list[str]) -> list[tuple[str, Actor | None]]:
    """Each sponsor as printed, with its Member State actor when one is known (one query)."""
    aliases = {
        a.text: a.actor
        for a in ActorAlias.objects.filter(
            text__in=names, actor__kind=ActorKind.MEMBER_STATE
        ).select_related("actor")
    }
    return [(name, aliases.get(name)) for name in names]


# Per-paragraph data for pages, the API and search facets ----------------------------------------


def paragraph_commitments(paragraph_ids: list[int]) -> dict[int, list[Commitment]]:
    rows = (
        Commitment.objects.filter(paragraph_id__in=paragraph_ids)
        .exclude(status=Status.REJECTED)
        .select_related("actor")
        .prefetch_related("types")
        .order_by("paragraph_id", "clause_start", "pk")
    )
    out = defaultdict(list)
    for c in rows:
        out[c.paragraph_id].append(c)
    return out


def paragraph_reviews(paragraph_ids: list[int]) -> dict[int, ParagraphReview]:
    """Each paragraph's curator review, if it has one (one query)."""
    return {
        r.paragraph_id: r
        for r in ParagraphReview.objects.for_paragraphs(paragraph_ids).select_related("paragraph")
    }


def paragraph_mentions(paragraph_ids: list[int]) -> dict[int, list[Mention]]:
    rows = (
        Mention.objects.filter(paragraph_id__in=paragraph_ids)
        .exclude(status=Status.REJECTED)
        .select_related("actor")
        .order_by("paragraph_id", "actor__name")
    )
    out = defaultdict(list)
    for m in rows:
        out[m.paragraph_id].append(m)
    return out


def paragraph_facets(paragraph_ids: list[int]) -> dict[int, dict[str, list[str]]]:
    """Facet values of each paragraph for the search index (three queries for all ids)."""
    ancestors = type_ancestor_map()
    commitments = paragraph_commitments(paragraph_ids)
    mentions = paragraph_mentions(paragraph_ids)
    out = {}
    for pk in paragraph_ids:
        fields = ("actor", "addressee", "actor_kind", "ctype", "verb", "strength")
        values = {k: set() for k in (*fields, "addressee_ctype")}
        for c in commitments.get(pk, []):
            values["addressee"].add(c.actor.slug)
            values["actor"].add(c.actor.slug)
            values["actor_kind"].add(c.actor.kind)
            values["verb"].add(verb_slug(c.verb))
            values["strength"].add(c.strength)
            for t in c.types.all():
                slugs = ancestors.get(t.slug, [t.slug])
                values["ctype"].update(slugs)
                # one clause asks this actor for this type: what a matrix cell counts
                values["addressee_ctype"].update(f"{c.actor.slug}/{slug}" for slug in slugs)
        for m in mentions.get(pk, []):
            values["actor"].add(m.actor.slug)
            values["actor_kind"].add(m.actor.kind)
        out[pk] = {k: sorted(v) for k, v in values.items()}
    return out


def verb_slug(verb: str) -> str:
    return "-".join(verb.lower().split())


def facet_value_labels(field: str, values: list[str]) -> dict[str, str]:
    """Human labels of the facet values `paragraph_facets` gives (at most one query):
    actors by short name or name, actor kinds and strengths by their display, types by
    name, verbs as printed. Unknown fields and values are left out (shown as they are)."""
    values = [v for v in values if v]
    if not values:
        return {}
    if field in ("actor", "addressee"):
        return {
            slug: short or name
            for slug, short, name in Actor.objects.filter(slug__in=values).values_list(
                "slug", "short_name", "name"
            )
        }
    if field == "actor_kind":
        return {v: str(ActorKind(v).label) for v in values if v in ActorKind.values}
    if field == "strength":
        return {v: str(Strength(v).label) for v in values if v in Strength.values}
    if field == "ctype":
        return dict(CommitmentType.objects.filter(slug__in=values).values_list("slug", "name"))
    if field == "verb":
        wanted = set(values)
        printed = {}
        for verb in Commitment.objects.values_list("verb", flat=True).distinct():
            slug = verb_slug(verb)
            if slug in wanted:
                printed.setdefault(slug, verb.lower())
        return {v: printed.get(v, v.replace("-", " ")) for v in values}
    return {}


# Paragraph counts, as the search counts them --------------------------------------
#
# Every count on the matrix, actor and type pages links to the search, so it counts what
# the search finds: published paragraphs holding a commitment that is not rejected, in
# which actor A is asked to act on type T or one of its descendants, in the same clause
# (`/search/?addressee_ctype=A/T`, the facet value `paragraph_facets` gives).


@dataclass(frozen=True)
class SearchFilters:
    """The document filters of a count, and the search parameters that reproduce them."""

    document_type: str = ""
    years: tuple[int, ...] = ()  # empty: every year

    def apply(self, commitments):
        if self.document_type:
            commitments = commitments.filter(paragraph__document__document_type=self.document_type)
        if self.years:
            commitments = commitments.filter(_year_q(self.years))
        return commitments

    def pairs(self) -> list[tuple[str, str]]:
        pairs = [("type", self.document_type)] if self.document_type else []
        return pairs + [("year", str(y)) for y in self.years]


def search_url(*, addressee: str = "", ctype: str = "", filters: SearchFilters | None = None):
    if addressee and ctype:
        pairs = [("addressee_ctype", f"{addressee}/{ctype}")]
    else:
        pairs = [("addressee", addressee)] if addressee else []
        pairs += [("ctype", ctype)] if ctype else []
    pairs += (filters or SearchFilters()).pairs()
    return reverse("search:search") + ("?" + urlencode(pairs) if pairs else "")


def paragraph_clause_pairs(
    filters: SearchFilters | None = None, *, actor: Actor | None = None
) -> dict[int, set[tuple[int, str]]]:
    """paragraph id -> the (actor id, type slug) pairs of its live commitments, each type
    with its ancestors, for the published paragraphs (`actor`'s only, if given). One query."""
    commitments = (filters or SearchFilters()).apply(Commitment.objects.visible())
    if actor is not None:
        commitments = commitments.filter(actor=actor)
    ancestors = type_ancestor_map()
    out: dict[int, set[tuple[int, str]]] = defaultdict(set)
    for paragraph_id, actor_id, slug in commitments.values_list(
        "paragraph_id", "actor_id", "types__slug"
    ):
        if slug:
            out[paragraph_id].update((actor_id, a) for a in ancestors.get(slug, [slug]))
    return dict(out)


def count_pairs(paragraphs: dict[int, set[tuple[int, str]]]) -> dict[tuple[int, str], int]:
    """(actor id, type slug) -> the paragraphs in which the actor is asked to act on the type
    or a descendant (what `?addressee_ctype=actor/type` finds)."""
    counts: dict[tuple[int, str], int] = defaultdict(int)
    for pairs in paragraphs.values():
        for pair in pairs:
            counts[pair] += 1
    return dict(counts)


def actor_type_counts(actor: Actor) -> list[tuple[TypeNode, int]]:
    """The types of the paragraphs in which the actor is asked to act, in the tree's order
    (a parent before its children), each with its number of paragraphs."""
    counts = count_pairs(paragraph_clause_pairs(actor=actor))
    return [
        (node, counts[(actor.pk, node.ctype.slug)])
        for node in type_flat_list()
        if counts.get((actor.pk, node.ctype.slug))
    ]


def type_actor_counts(slug: str) -> list[tuple[Actor, int]]:
    """The actors asked to act in paragraphs of the type (or a descendant), most first."""
    counts = {
        actor_id: n
        for (actor_id, type_slug), n in count_pairs(paragraph_clause_pairs()).items()
        if type_slug == slug
    }
    actors = Actor.objects.in_bulk(list(counts))
    return sorted(((actors[pk], n) for pk, n in counts.items()), key=lambda x: (-x[1], x[0].name))


# The matrix ------------------------------------------------------


@dataclass
class Matrix:
    actors: list[Actor]
    types: list[CommitmentType]
    cells: dict[tuple[int, int], int]  # (actor pk, type pk) -> paragraphs
    maximum: int
    filters: SearchFilters = field(default_factory=SearchFilters)

    def rows(self):
        for actor in self.actors:
            yield actor, [(t, self.cells.get((actor.pk, t.pk), 0)) for t in self.types]

    def link_rows(self):
        """Rows of (type, count, search URL giving exactly those paragraphs)."""
        for actor, cells in self.rows():
            yield (
                actor,
                [
                    (t, n, search_url(addressee=actor.slug, ctype=t.slug, filters=self.filters))
                    for t, n in cells
                ],
            )


def matrix(
    *,
    document_type: str = "",
    year_from: int | None = None,
    year_to: int | None = None,
    depth: int = 0,
) -> Matrix:
    """Actors × commitment types: in each cell, the paragraphs in which the actor is asked to
    act and that hold a commitment of the type or of a descendant (each paragraph once).

    `depth` limits the columns to the top levels of the tree (0: the pillars).
    """
    years = _years_between(year_from, year_to)
    filters = SearchFilters(document_type, years or ())
    if years == ():
        return Matrix([], [], {}, 0, filters)  # no document in those years
    columns = [n.ctype for n in type_flat_list() if n.depth <= depth]
    by_slug = {t.slug: t for t in columns}
    cells = {
        (actor_id, by_slug[slug].pk): n
        for (actor_id, slug), n in count_pairs(paragraph_clause_pairs(filters)).items()
        if slug in by_slug
    }
    totals: dict[int, int] = defaultdict(int)
    for (actor_id, _), n in cells.items():
        totals[actor_id] += n
    actors = list(Actor.objects.filter(pk__in=list(totals)))
    actors.sort(key=lambda a: (-totals[a.pk], a.name))
    return Matrix(actors, columns, cells, max(cells.values(), default=0), filters)


def document_years() -> list[int]:
    """The years the search knows: each published document's date (adopted, else
    distributed)."""
    dates = Document.objects.published().values_list("adopted", "distributed")
    return sorted(
        {(adopted or distributed).year for adopted, distributed in dates if adopted or distributed}
    )


def _years_between(year_from: int | None, year_to: int | None) -> tuple[int, ...] | None:
    """The document years in the range, as search `year` values; None when the range leaves
    out no document's year (no filter needed), () when it holds none."""
    if not year_from and not year_to:
        return None
    years = document_years()
    kept = tuple(
        y for y in years if (not year_from or y >= year_from) and (not year_to or y <= year_to)
    )
    return None if kept == tuple(years) else kept


def _year_q(years) -> Q:
    return Q(paragraph__document__adopted__year__in=years) | Q(
        paragraph__document__adopted__isnull=True,
        paragraph__document__distributed__year__in=years,
    )


def matrix_filter_options() -> dict:
    types = sorted(set(Document.objects.published().values_list("document_type", flat=True)))
    return {"years": document_years(), "document_types": types}


# Review ------------------------------------------------------


def document_review_queue(document: Document):
    return (
        Commitment.objects.filter(paragraph__document=document)
        .for_display()
        .order_by("paragraph__position", "clause_start")
    )


def paragraphs_for_tagging(document: Document) -> list[Paragraph]:
    return list(document.paragraphs.order_by("position").select_related("parent"))


def type_commitments(slugs: list[str]) -> list[Commitment]:
    """Visible commitments of any of these types, newest document first."""
    return list(
        Commitment.objects.visible()
        .filter(types__slug__in=slugs)
        .distinct()
        .for_display()
        .order_by(
            "-paragraph__document__adopted",
            "paragraph__document__slug",
            "paragraph__position",
            "clause_start",
        )
    )

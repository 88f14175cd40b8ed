"""Candidate facts and their features: every ordered pair of organisations named close together.

The grammar proposes facts where it can read a sentence's structure; the decision layer sees more:
every ordered pair (A, B) of organisations named in one sentence or within a window of sentences
is a candidate deal (A buys compute from B) and a candidate investment (A invests in B). Its
features describe each place where the two are named together: which cue classes of the lexicon
stand between and around them, their order and distance, other organisations between them, the
figures nearby, what the two are (registry role, or the kind an unknown name suggests), whether
the grammar found the fact (and by which rule), background markers ("bereits", "previously"), the
title, and the language. The features of all places are pooled into one description of the pair.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..document import Document
from ..modality import negated_segments
from ..mentions import PartyMention, PartySource
from ..parties import Entity
from ..tokens import Token

WINDOW = 2  # sentences between two mentions that still make a candidate
_MAX_BETWEEN_WORDS = 10  # words between two mentions used as features of their own


@dataclass(frozen=True)
class Context:
    """One place where the two organisations of a candidate are named: a mention of each."""
    a: PartyMention
    b: PartyMention
    a_sentence: int
    b_sentence: int

    @property
    def distance(self) -> int:
        return abs(self.a_sentence - self.b_sentence)

    @property
    def span(self) -> tuple[int, int]:
        return min(self.a_sentence, self.b_sentence), max(self.a_sentence, self.b_sentence)


@dataclass
class Candidate:
    a: str
    b: str
    contexts: list[Context] = field(default_factory=list)


@dataclass(frozen=True)
class GrammarFacts:
    """What the grammar found, as evidence for the decision layer: pair -> rule names."""
    deals: dict[tuple[str, str], frozenset[str]]
    investments: dict[tuple[str, str], frozenset[str]]
    joint: frozenset[tuple[str, str]] = frozenset()  # deals the grammar read as joint (several providers)


def candidates(doc: Document, entities: dict[str, Entity], grammar: GrammarFacts | None = None,
               window: int = WINDOW) -> list[Candidate]:
    """Every ordered pair of organisations named within `window` sentences of each other, plus every pair the
    grammar stated (it may have resolved a party from a description further back)."""
    by_pair: dict[tuple[str, str], Candidate] = {}
    placed = [(name, m, doc.sentence_index(m.start)) for name, e in entities.items() for m in e.mentions]
    for name_a, ma, sa in placed:
        for name_b, mb, sb in placed:
            if name_a == name_b or abs(sa - sb) > window:
                continue
            by_pair.setdefault((name_a, name_b), Candidate(name_a, name_b)).contexts.append(Context(ma, mb, sa, sb))
    if grammar:
        for pair in list(grammar.deals) + list(grammar.investments):
            if pair[0] != pair[1] and pair[0] in entities and pair[1] in entities:
                by_pair.setdefault(pair, Candidate(*pair))
    return list(by_pair.values())


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _words(tokens: list[Token]) -> list[str]:
    return [t.text.lower() for t in tokens if any(c.isalnum() for c in t.text)]


_CLAUSE_BREAK = frozenset(",;:–—()")
# Cue classes too common to say anything in a sequence of cues between two names
_SEQUENCE_SKIP = frozenset({"passive_aux", "function_word", "legal_form", "org_investor_name", "org_energy_name",
                            "org_research_name", "company_noun"})


def _clause_start(doc: Document, sentence_start: int, position: int) -> int:
    """Where the clause holding `position` begins: after the last comma, semicolon, colon or dash before it."""
    start = sentence_start
    for t in doc.tokens_between(sentence_start, position):
        if t.text in _CLAUSE_BREAK:
            start = t.end
    return start


def context_features(doc: Document, entities: dict[str, Entity], context: Context) -> set[str]:
    """The features of one place where A and B are named."""
    a, b = context.a, context.b
    first, second = (a, b) if a.start < b.start else (b, a)
    order = "ab" if first is a else "ba"
    f = {f"dist={context.distance}", f"order={order}"}
    f |= _span_features(doc, context.span)
    if context.distance == 0:
        f |= _between_features(doc, entities, first, second, order, {a.name, b.name})
    else:
        f.add(f"xs_order={'ab' if context.a_sentence < context.b_sentence else 'ba'}")
        # named in different sentences: does each sentence have a partner of its own?
        for role, m, index, other in (("a", a, context.a_sentence, b.name), ("b", b, context.b_sentence, a.name)):
            kinds = _kinds_in_sentence(doc, entities, index) - {entities[m.name].kind}
            others = {n for n in _names_in_sentence(doc, entities, index)} - {m.name, other}
            if others:
                f.add(f"{role}_sentence_has_others")
                f.update(f"{role}_sentence_other_kind={k}" for k in kinds)
    f.update(f"a_{name}" for name in _mention_features(doc, entities, a, context.a_sentence))
    f.update(f"b_{name}" for name in _mention_features(doc, entities, b, context.b_sentence))
    return f


def _cache(doc: Document, name: str) -> dict:
    return doc.__dict__.setdefault(name, {})


def _span_features(doc: Document, span: tuple[int, int]) -> frozenset[str]:
    """Cue classes and contract figures in the sentences from span[0] to span[1]."""
    cache = _cache(doc, "_span_features")
    if span not in cache:
        lo, hi = doc.sentences[span[0]][0], doc.sentences[span[1]][1]
        found = {f"s:{cls}" for cls, _, _ in doc.cues_between(lo, hi)}
        found |= {f"amt:{a.kind}" for a in doc.amounts if lo <= a.start < hi and a.is_contract_value}
        cache[span] = frozenset(found)
    return cache[span]


def _between_features(doc: Document, entities: dict[str, Entity], first: PartyMention, second: PartyMention,
                      order: str, names: set[str]) -> set[str]:
    f = set()
    between = doc.tokens_between(first.end, second.start)
    words = _words(between)
    f.add(f"gap={_bucket(len(words), (0, 2, 5, 10, 20))}")
    cues = doc.cues_between(first.end, second.start)
    for cls, _, _ in cues:
        f.add(f"btw:{cls}")
        f.add(f"btw_{order}:{cls}")
    if len(words) <= _MAX_BETWEEN_WORDS:
        f.update(f"bw_{order}:{w}" for w in words)
    else:
        f.update(f"bw_head_{order}:{w}" for w in words[:3])
        f.update(f"bw_tail_{order}:{w}" for w in words[-3:])
    f.add("punct_between" if any(t.text in _CLAUSE_BREAK for t in between) else "same_clause")
    sequence = [cls for cls, _, _ in cues if cls not in _SEQUENCE_SKIP]
    sequence = [c for i, c in enumerate(sequence) if i == 0 or c != sequence[i - 1]]
    if sequence:
        f.add(f"seq_{order}:{'>'.join(sequence[:4])}")
        f.update(f"bigram_{order}:{x}>{y}" for x, y in zip(sequence, sequence[1:]))
        f.add(f"first_cue_{order}:{sequence[0]}")
        f.add(f"last_cue_{order}:{sequence[-1]}")
    others = sum(1 for m in _mentions_by_start(doc, entities)
                 if first.end <= m.start and m.end <= second.start and m.name not in names)
    f.add(f"others_between={_bucket(others, (0, 1, 3))}")
    return f


def _names_in_sentence(doc: Document, entities: dict[str, Entity], index: int) -> set[str]:
    cache = _cache(doc, "_names_in_sentence")
    if index not in cache:
        s_start, s_end = doc.sentences[index]
        cache[index] = {m.name for m in _mentions_by_start(doc, entities) if s_start <= m.start < s_end}
    return cache[index]


def _kinds_in_sentence(doc: Document, entities: dict[str, Entity], index: int) -> set[str]:
    return {entities[name].kind for name in _names_in_sentence(doc, entities, index) if name in entities}


def _mentions_by_start(doc: Document, entities: dict[str, Entity]) -> list[PartyMention]:
    cache = _cache(doc, "_mentions_by_start")
    if "all" not in cache:
        cache["all"] = sorted((m for e in entities.values() for m in e.mentions), key=lambda m: m.start)
    return cache["all"]


def _mention_features(doc: Document, entities: dict[str, Entity], m: PartyMention, index: int) -> frozenset[str]:
    """What stands around one mention (the same whichever pair it is part of), without the role prefix."""
    cache = _cache(doc, "_mention_features")
    key = (m.start, m.end, m.name, index)
    if key in cache:
        return cache[key]
    f = set()
    s_start, s_end = doc.sentences[index]
    before = _words(doc.tokens_between(max(s_start, m.start - 80), m.start))[-3:]
    after = _words(doc.tokens_between(m.end, min(s_end, m.end + 80)))[:3]
    f.update(f"prev{k}:{w}" for k, w in enumerate(reversed(before), 1))
    f.update(f"next{k}:{w}" for k, w in enumerate(after, 1))
    f.update(f"before:{cls}" for cls, _, _ in doc.cues_between(max(s_start, m.start - 40), m.start))
    near = doc.tokens_between(max(s_start, m.start - 30), m.start)[-2:]
    if near:
        f.update(f"prep:{cls}" for cls, _, _ in doc.cues_between(near[0].start, m.start))
    clause = _clause_start(doc, s_start, m.start)
    f.update(f"clause_before:{cls}" for cls, _, _ in doc.cues_between(clause, m.start))
    if not any(s_start <= other.start < m.start for other in _mentions_by_start(doc, entities)):
        f.add("first_named")
    f.update(f"after:{cls}" for cls, _, _ in doc.cues_between(m.end, min(s_end, m.end + 40)))
    if m.source == PartySource.PRODUCT:
        f.add("product")
    if s_start == 0 or "\n" not in doc.text[:s_start]:
        f.add("in_title")
    # the grammar's judgement of denial and hedging ("in talks", "könnte", "nicht") on the part of the sentence
    # that names the party
    if any(s_start + ns <= m.start < s_start + ne for ns, ne in _negated(doc, index)):
        f.add("negated")
    if _names_compute(doc, m, s_end):
        f.add("modifier")  # "Nvidia GPUs", "NVIDIA’s GB300 chips": the make of the chips
    cache[key] = frozenset(f)
    return cache[key]


def _negated(doc: Document, index: int) -> list[tuple[int, int]]:
    cache = doc.__dict__.setdefault("_negated_cache", {})
    if index not in cache:
        s_start, s_end = doc.sentences[index]
        cache[index] = negated_segments(doc.text[s_start:s_end])
    return cache[index]


def _names_compute(doc: Document, m: PartyMention, limit: int) -> bool:
    after = doc.tokens_between(m.end, min(limit, m.end + 40))
    words = [t for t in after if t.text not in ("’", "'", "s", "-")][:2]
    return any(cls == "compute" and any(cs <= t.start < ce for t in words)
               for cls, cs, ce in doc.cues_between(m.end, min(limit, m.end + 40)))


def pair_features(doc: Document, entities: dict[str, Entity], candidate: Candidate,
                  grammar: GrammarFacts | None, ranks: dict[str, int]) -> tuple[dict[str, float], list[set[str]]]:
    """The pooled features of a candidate and the features of each of its contexts."""
    per_context = [context_features(doc, entities, c) for c in candidate.contexts]
    pooled: dict[str, float] = {}
    for feats in per_context:
        for name in feats:
            pooled[name] = 1.0
    pooled.update(entity_features(doc, entities, candidate, grammar, ranks))
    return pooled, per_context


def entity_features(doc: Document, entities: dict[str, Entity], candidate: Candidate,
                    grammar: GrammarFacts | None, ranks: dict[str, int]) -> dict[str, float]:
    a, b = entities[candidate.a], entities[candidate.b]
    f = {"bias": 1.0, f"lang={doc.lang}": 1.0, f"role_a={a.kind}": 1.0, f"role_b={b.kind}": 1.0,
         f"roles={a.kind}>{b.kind}": 1.0, f"known={a.known}{b.known}": 1.0,
         f"rank_a={min(ranks.get(a.name, 9), 3)}": 1.0, f"rank_b={min(ranks.get(b.name, 9), 3)}": 1.0}
    if not a.named:
        f["a_only_product"] = 1.0
    if not b.named:
        f["b_only_product"] = 1.0
    contexts = candidate.contexts
    same = sum(c.distance == 0 for c in contexts)
    f[f"n_same={_bucket(same, (0, 1, 2, 4))}"] = 1.0
    f[f"n_ctx={_bucket(len(contexts), (0, 1, 3, 6))}"] = 1.0
    if contexts:
        f[f"min_dist={min(c.distance for c in contexts)}"] = 1.0
    if grammar:
        pair, reverse = (candidate.a, candidate.b), (candidate.b, candidate.a)
        for kind, facts in (("deal", grammar.deals), ("inv", grammar.investments)):
            if pair in facts:
                f[f"g_{kind}"] = 1.0
                for rule in facts[pair]:
                    f[f"g_{kind}_rule={rule}"] = 1.0
            if reverse in facts:
                f[f"g_{kind}_rev"] = 1.0
        if pair in grammar.joint:
            f["g_joint"] = 1.0
        if any(p[0] == candidate.a for p in grammar.deals):
            f["g_a_buys_elsewhere"] = 1.0
        if any(p[1] == candidate.a for p in grammar.investments):
            f["g_a_is_investee"] = 1.0
        if any(p[1] == candidate.b for p in grammar.investments):
            f["g_b_is_investee"] = 1.0
        # "X leases capacity from Y, which buys chips from Z": Y sells to X, not to whoever is named near by
        if any(p[1] == candidate.b and p[0] != candidate.a for p in grammar.deals):
            f["g_b_sells_to_another"] = 1.0
        if any(p[0] == candidate.a and p[1] != candidate.b for p in grammar.deals):
            f["g_a_buys_from_another"] = 1.0
    return f


def as_unknown(pooled: dict[str, float], a_unknown: bool, b_unknown: bool, a_kind: str, b_kind: str) -> dict[str, float]:
    """The features the pair would have if the registry did not know A and/or B: their role becomes the kind their
    name suggests (`a_kind`, `b_kind`: open_investor, open_energy, …) and the grammar, which reads registry
    companies only, says nothing about them. Training adds such copies so that the decision layer judges
    organisations it has never seen by the words around them, as a daily pipeline must."""
    if not (a_unknown or b_unknown):
        return pooled
    out = {k: v for k, v in pooled.items()
           if not k.startswith(("role_a=", "role_b=", "roles=", "known=", "g_"))}
    role_a = a_kind if a_unknown else next(k for k in pooled if k.startswith("role_a="))[len("role_a="):]
    role_b = b_kind if b_unknown else next(k for k in pooled if k.startswith("role_b="))[len("role_b="):]
    known_a = not a_unknown and any(k == "known=TrueTrue" or k == "known=TrueFalse" for k in pooled)
    known_b = not b_unknown and any(k == "known=TrueTrue" or k == "known=FalseTrue" for k in pooled)
    out.update({f"role_a={role_a}": 1.0, f"role_b={role_b}": 1.0, f"roles={role_a}>{role_b}": 1.0,
                f"known={known_a}{known_b}": 1.0})
    return out

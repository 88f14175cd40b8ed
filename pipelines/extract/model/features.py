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
from ..parties import Entity, PartyMention, PartySource
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


def context_features(doc: Document, entities: dict[str, Entity], context: Context) -> set[str]:
    """The features of one place where A and B are named."""
    a, b = context.a, context.b
    f = {f"dist={context.distance}"}
    first, second = (a, b) if a.start < b.start else (b, a)
    order = "ab" if first is a else "ba"
    f.add(f"order={order}")
    s_lo, s_hi = context.span
    lo, hi = doc.sentences[s_lo][0], doc.sentences[s_hi][1]
    for cls, _, _ in doc.cues_between(lo, hi):
        f.add(f"s:{cls}")
    if context.distance == 0:
        between = [t for t in doc.tokens_between(first.end, second.start)]
        words = _words(between)
        f.add(f"gap={_bucket(len(words), (0, 2, 5, 10, 20))}")
        for cls, _, _ in doc.cues_between(first.end, second.start):
            f.add(f"btw:{cls}")
            f.add(f"btw_{order}:{cls}")
        if len(words) <= _MAX_BETWEEN_WORDS:
            for w in words:
                f.add(f"bw_{order}:{w}")
        else:
            for w in words[:3]:
                f.add(f"bw_head_{order}:{w}")
            for w in words[-3:]:
                f.add(f"bw_tail_{order}:{w}")
        if any(t.text in ",;:–—()" for t in between):
            f.add("punct_between")
        others = [m for e in entities.values() for m in e.mentions
                  if first.end <= m.start and m.end <= second.start and m.name not in (a.name, b.name)]
        f.add(f"others_between={_bucket(len(others), (0, 1, 3))}")
    else:
        f.add(f"xs_order={'ab' if context.a_sentence < context.b_sentence else 'ba'}")
    sentence_a, sentence_b = doc.sentences[context.a_sentence], doc.sentences[context.b_sentence]
    for role, m, (s_start, s_end) in (("a", a, sentence_a), ("b", b, sentence_b)):
        before = _words(doc.tokens_between(max(s_start, m.start - 80), m.start))[-3:]
        after = _words(doc.tokens_between(m.end, min(s_end, m.end + 80)))[:3]
        for k, w in enumerate(reversed(before), 1):
            f.add(f"{role}_prev{k}:{w}")
        for k, w in enumerate(after, 1):
            f.add(f"{role}_next{k}:{w}")
        for cls, _, _ in doc.cues_between(max(s_start, m.start - 40), m.start):
            f.add(f"{role}_before:{cls}")
        for cls, _, _ in doc.cues_between(m.end, min(s_end, m.end + 40)):
            f.add(f"{role}_after:{cls}")
        if m.source == PartySource.PRODUCT:
            f.add(f"{role}_product")
        if s_start == 0 or "\n" not in doc.text[:s_start]:
            f.add(f"{role}_in_title")
    for amount in doc.amounts:
        if lo <= amount.start < hi and amount.is_contract_value:
            f.add(f"amt:{amount.kind}")
    return f


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
    return f

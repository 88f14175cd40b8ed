"""Which figure belongs to which fact: a scorer over (fact, amount) pairs.

A paragraph often holds several figures: the deal's value and another deal's, a first tranche and
the total, a per-site figure and the contract, a running total after an expansion, a company's
revenue. For a candidate fact, every amount in the sentences where its two parties are named (and
the sentence after) is a candidate figure; its features say where it stands relative to the two
parties and to other organisations, which cue words surround it (per year, valuation, revenue,
total, tranche, "expands to"), whether the grammar gave it to the same fact, and how often the
article repeats it. The best-scored amount of each kind is the fact's figure when its probability
clears the kind's threshold; otherwise the fact has no figure of that kind (a missing figure costs
less than a wrong one).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from ..numbers import Amount
from ..parties import Entity
from .features import Candidate

DEAL_KINDS = ("gw", "chips", "usd", "eur")
INVESTMENT_KINDS = ("usd", "eur")
_NEAR = 60  # characters around an amount whose cue words are features


@dataclass(frozen=True)
class FigureCandidate:
    amount: Amount
    features: dict[str, float]


def _sentences_of(doc: Document, candidate: Candidate) -> list[int]:
    indices = set()
    for c in candidate.contexts:
        lo, hi = c.span
        indices.update(range(lo, hi + 2))
    return sorted(i for i in indices if i < len(doc.sentences))


def _bucket(n: float, edges: tuple[float, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge:g}"
    return f">{edges[-1]:g}"


def figure_candidates(doc: Document, entities: dict[str, Entity], candidate: Candidate, fact: str,
                      grammar_figures: dict[str, float] | None = None) -> list[FigureCandidate]:
    """Scored-to-be candidates for the figures of one fact (`fact` is "deal" or "investment")."""
    kinds = DEAL_KINDS if fact == "deal" else INVESTMENT_KINDS
    sentences = _sentences_of(doc, candidate)
    context_sentences = {s for c in candidate.contexts for s in range(c.span[0], c.span[1] + 1)}
    a_mentions = entities[candidate.a].mentions
    b_mentions = entities[candidate.b].mentions
    others = [m for name, e in entities.items() if name not in (candidate.a, candidate.b) for m in e.mentions]
    values = [round(x.value, 6) for x in doc.amounts]
    out = []
    for amount in doc.amounts:
        if amount.kind not in kinds:
            continue
        index = doc.sentence_index(amount.start)
        if index not in sentences:
            continue
        s_start, s_end = doc.sentences[index]
        f = {"bias": 1.0, f"kind={amount.kind}": 1.0, f"bound={amount.bound}": 1.0, f"lang={doc.lang}": 1.0,
             f"fact={fact}": 1.0}
        if amount.vague:
            f["vague"] = 1.0
        f[f"excluded={amount.excluded_as or 'no'}"] = 1.0
        f[f"in_context={index in context_sentences}"] = 1.0
        in_sentence = lambda ms: [m for m in ms if s_start <= m.start < s_end]
        a_here, b_here, o_here = in_sentence(a_mentions), in_sentence(b_mentions), in_sentence(others)
        f[f"parties_here={bool(a_here)}{bool(b_here)}"] = 1.0
        dist = lambda ms: min((abs(m.start - amount.start) for m in ms), default=None)
        da, db, do = dist(a_here), dist(b_here), dist(o_here)
        if da is not None:
            f[f"dist_a={_bucket(da, (20, 60, 120, 250))}"] = 1.0
        if db is not None:
            f[f"dist_b={_bucket(db, (20, 60, 120, 250))}"] = 1.0
        near = min(x for x in (da, db) if x is not None) if (da is not None or db is not None) else None
        if do is not None and (near is None or do < near):
            f["other_closer"] = 1.0
        if a_here and b_here:
            lo = min(m.start for m in a_here + b_here)
            hi = max(m.end for m in a_here + b_here)
            f[f"between_parties={lo <= amount.start <= hi}"] = 1.0
        same_kind = [x for x in doc.amounts if x.kind == amount.kind and s_start <= x.start < s_end]
        f[f"nth_in_sentence={min(same_kind.index(amount), 2)}"] = 1.0
        f[f"repeats={_bucket(values.count(round(amount.value, 6)), (1, 2, 4))}"] = 1.0
        if "\n" not in doc.text[:s_start]:
            f["in_title"] = 1.0
        for cls, _, _ in doc.cues_between(max(s_start, amount.start - _NEAR), amount.start):
            f[f"pre:{cls}"] = 1.0
        for cls, _, _ in doc.cues_between(amount.end, min(s_end, amount.end + _NEAR)):
            f[f"post:{cls}"] = 1.0
        before = [t.text.lower() for t in doc.tokens_between(max(s_start, amount.start - 40), amount.start)][-3:]
        after = [t.text.lower() for t in doc.tokens_between(amount.end, min(s_end, amount.end + 40))][:3]
        for k, w in enumerate(reversed(before), 1):
            f[f"prev{k}:{w}"] = 1.0
        for k, w in enumerate(after, 1):
            f[f"next{k}:{w}"] = 1.0
        if grammar_figures and amount.kind in grammar_figures:
            same = abs(grammar_figures[amount.kind] - amount.value) <= 0.01 * abs(amount.value)
            f[f"grammar={'same' if same else 'other'}"] = 1.0
        out.append(FigureCandidate(amount, f))
    return out


def figure_matches(gold_value: float | None, amount: Amount, vague: bool = False) -> bool:
    """Whether `amount` is the labelled figure (within 1 %; a vague amount within its power of ten)."""
    if gold_value is None:
        return False
    if vague or amount.vague:
        import math
        return gold_value > 0 and amount.value > 0 and math.floor(math.log10(gold_value)) == math.floor(
            math.log10(amount.value))
    return abs(gold_value - amount.value) <= 0.01 * abs(gold_value)
